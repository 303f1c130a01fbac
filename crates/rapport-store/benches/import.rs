//! How long a large GraphML import takes on a real workspace file: 10,000 people
//! (9,980 stakeholders and 20 team members) and 100,000 ties (99,800 influence, 200
//! coverage), every row recorded for undo. Target: under one second in release mode.
//!
//! `cargo bench -p rapport-store --bench import`

use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rapport_store::Workspace;

const STAKEHOLDERS: usize = 9_980;
const TEAM: usize = 20;
/// Influence ties per stakeholder, to the next `FAN_OUT` people (wrapping around).
const FAN_OUT: usize = 10;
/// Stakeholders each team member covers.
const COVERED: usize = 10;

/// A NetworkX-style document of the sizes above, with every key in use.
fn large_graphml() -> String {
    let attitudes = [
        "champion",
        "supporter",
        "neutral",
        "sceptic",
        "opponent",
        "unknown",
    ];
    let kinds = ["reports_to", "advisor", "ally", "rival", "informal"];
    let roles = [
        "decider",
        "user,influencer",
        "buyer,gatekeeper",
        "",
        "approver",
    ];
    let mut xml = String::with_capacity(24 << 20);
    xml.push_str(
        "<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (id, domain, name, kind) in [
        ("d0", "node", "name", "string"),
        ("d1", "node", "title", "string"),
        ("d2", "node", "roles", "string"),
        ("d3", "node", "attitude", "string"),
        ("d4", "node", "power", "long"),
        ("d5", "node", "interest", "long"),
        ("d6", "node", "team", "boolean"),
        ("d7", "edge", "strength", "long"),
        ("d8", "edge", "kind", "string"),
    ] {
        let _ = writeln!(
            xml,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\" />"
        );
    }
    xml.push_str("  <graph edgedefault=\"directed\">\n");
    for i in 0..STAKEHOLDERS {
        let _ = writeln!(
            xml,
            "    <node id=\"s{i}\"><data key=\"d0\">Person {i}</data><data key=\"d1\">Title {i}</data>\
             <data key=\"d2\">{}</data><data key=\"d3\">{}</data><data key=\"d4\">{}</data>\
             <data key=\"d5\">{}</data><data key=\"d6\">False</data></node>",
            roles[i % roles.len()],
            attitudes[i % attitudes.len()],
            i % 5 + 1,
            (i / 5) % 5 + 1
        );
    }
    for t in 0..TEAM {
        let _ = writeln!(
            xml,
            "    <node id=\"t{t}\"><data key=\"d0\">Team member {t}</data><data key=\"d6\">True</data></node>"
        );
    }
    for i in 0..STAKEHOLDERS {
        for step in 1..=FAN_OUT {
            let j = (i + step) % STAKEHOLDERS;
            let _ = writeln!(
                xml,
                "    <edge source=\"s{i}\" target=\"s{j}\"><data key=\"d7\">{}</data><data key=\"d8\">{}</data></edge>",
                (i + step) % 5 + 1,
                kinds[(i * 7 + step) % kinds.len()]
            );
        }
    }
    for t in 0..TEAM {
        for k in 0..COVERED {
            let s = (t * 499 + k * 37) % STAKEHOLDERS;
            let _ = writeln!(
                xml,
                "    <edge source=\"t{t}\" target=\"s{s}\"><data key=\"d7\">{}</data></edge>",
                k % 5 + 1
            );
        }
    }
    xml.push_str("  </graph>\n</graphml>\n");
    xml
}

fn import(c: &mut Criterion) {
    let xml = large_graphml();
    let mut group = c.benchmark_group("graphml");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("import 10k people + 100k ties", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let ws = Workspace::create(&dir.path().join("bench.rapport")).expect("workspace");
                (dir, ws)
            },
            |(dir, mut ws)| {
                let summary = ws.import_graphml(black_box(&xml), "Bench").expect("import");
                assert_eq!(summary.stakeholders as usize, STAKEHOLDERS);
                assert_eq!(
                    (summary.influences + summary.coverage) as usize,
                    STAKEHOLDERS * FAN_OUT + TEAM * COVERED
                );
                (dir, ws)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
