//! The graph algorithms against NetworkX reference values.
//!
//! The fixtures in `tests/fixtures/networkx/*.json` are written by
//! `tests/fixtures/networkx/generate.py` (NetworkX 3.6.1): Zachary's karate club, the
//! Florentine families, seeded random influence digraphs of 50, 200 and 500 nodes, and a
//! graph of repeated and antiparallel ties. Inputs are built exactly as the domain primer
//! defines them: PageRank on the reversed influence ties with w = s/5, betweenness with
//! integer lengths 60/s, Louvain and modularity with w = s/5.

use std::fs;
use std::path::{Path, PathBuf};

use rapport_core::analysis::graph::{betweenness, louvain, modularity, pagerank};
use serde::Deserialize;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/networkx");
const EXPECTED_FIXTURES: [&str; 6] = [
    "karate",
    "florentine",
    "random-50",
    "random-200",
    "random-500",
    "duplicates",
];

#[derive(Debug, Deserialize)]
struct Fixture {
    name: String,
    n: usize,
    /// Directed influence ties `[from, to, strength]`: "from influences to".
    ties: Vec<(u32, u32, u32)>,
    pagerank: Vec<f64>,
    betweenness: Vec<f64>,
    louvain_seed: u64,
    networkx_partition: Vec<u32>,
    networkx_modularity: f64,
    networkx_version: String,
}

impl Fixture {
    /// Rank flows to the people others listen to: each tie reversed, w = s/5.
    fn pagerank_edges(&self) -> Vec<(u32, u32, f64)> {
        self.ties
            .iter()
            .map(|&(from, to, s)| (to, from, f64::from(s) / 5.0))
            .collect()
    }

    /// Undirected brokerage lengths 60/s (a uniform scaling of 1/w = 5/s).
    fn length_edges(&self) -> Vec<(u32, u32, u32)> {
        self.ties.iter().map(|&(a, b, s)| (a, b, 60 / s)).collect()
    }

    /// Undirected weights w = s/5 for communities.
    fn weight_edges(&self) -> Vec<(u32, u32, f64)> {
        self.ties
            .iter()
            .map(|&(a, b, s)| (a, b, f64::from(s) / 5.0))
            .collect()
    }
}

fn fixture_paths() -> Vec<PathBuf> {
    let dir = Path::new(FIXTURES);
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
}

fn fixtures() -> Vec<Fixture> {
    let fixtures: Vec<Fixture> = fixture_paths()
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let f: Fixture = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
            assert_eq!(f.pagerank.len(), f.n, "{}: pagerank length", f.name);
            assert_eq!(f.betweenness.len(), f.n, "{}: betweenness length", f.name);
            assert_eq!(f.networkx_partition.len(), f.n, "{}: partition", f.name);
            assert!(
                f.ties.iter().all(|&(a, b, s)| (a as usize) < f.n
                    && (b as usize) < f.n
                    && (1..=5).contains(&s)),
                "{}: a tie is out of range",
                f.name
            );
            f
        })
        .collect();
    for name in EXPECTED_FIXTURES {
        assert!(
            fixtures.iter().any(|f| f.name == name),
            "fixture {name} is missing from {FIXTURES}; run tests/fixtures/networkx/generate.py"
        );
    }
    fixtures
}

/// The node with the largest absolute difference, as (node, expected, got).
fn worst_node(expected: &[f64], got: &[f64]) -> (usize, f64, f64) {
    assert_eq!(expected.len(), got.len(), "result length");
    let mut worst = (0, 0.0, 0.0);
    let mut worst_diff = -1.0;
    for (v, (&e, &g)) in expected.iter().zip(got).enumerate() {
        let diff = if g.is_nan() {
            f64::INFINITY
        } else {
            (e - g).abs()
        };
        if diff > worst_diff {
            worst_diff = diff;
            worst = (v, e, g);
        }
    }
    worst
}

fn check_per_node(what: &str, tolerance: f64, run: impl Fn(&Fixture) -> (Vec<f64>, Vec<f64>)) {
    let mut failures = Vec::new();
    for f in fixtures() {
        let (expected, got) = run(&f);
        let (node, e, g) = worst_node(&expected, &got);
        let diff = (e - g).abs();
        println!(
            "{what:<11} {:<11} n={:<4} worst node {node:<4} networkx {e:.17e} rapport {g:.17e} diff {diff:.3e}",
            f.name, f.n
        );
        let off: Vec<String> = expected
            .iter()
            .zip(&got)
            .enumerate()
            .filter(|(_, (e, g))| (*e - *g).abs() > tolerance || g.is_nan())
            .map(|(v, (e, g))| format!("node {v}: networkx {e:.17e}, rapport {g:.17e}"))
            .collect();
        if !off.is_empty() {
            failures.push(format!(
                "{} (networkx {}): {} node(s) off by more than {tolerance:e}:\n  {}",
                f.name,
                f.networkx_version,
                off.len(),
                off.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{what}:\n{}", failures.join("\n"));
}

#[test]
fn pagerank_matches_networkx() {
    check_per_node("pagerank", 1e-9, |f| {
        let got = pagerank(f.n, &f.pagerank_edges(), 0.85, 1e-10);
        (f.pagerank.clone(), got)
    });
}

#[test]
fn pagerank_sums_to_one() {
    for f in fixtures() {
        let sum: f64 = pagerank(f.n, &f.pagerank_edges(), 0.85, 1e-10).iter().sum();
        assert!(
            (sum - 1.0).abs() < 1e-9,
            "{}: PageRank sums to {sum}",
            f.name
        );
    }
}

#[test]
fn betweenness_matches_networkx() {
    check_per_node("betweenness", 1e-9, |f| {
        let got = betweenness(f.n, &f.length_edges());
        (f.betweenness.clone(), got)
    });
}

#[test]
fn modularity_of_the_networkx_partition_matches() {
    let mut failures = Vec::new();
    for f in fixtures() {
        let q = modularity(f.n, &f.weight_edges(), &f.networkx_partition);
        let diff = (q - f.networkx_modularity).abs();
        println!(
            "modularity  {:<11} networkx {:.17} rapport {q:.17} diff {diff:.3e}",
            f.name, f.networkx_modularity
        );
        if diff > 1e-9 || q.is_nan() {
            failures.push(format!(
                "{}: networkx {:.17}, rapport {q:.17}",
                f.name, f.networkx_modularity
            ));
        }
    }
    assert!(failures.is_empty(), "modularity:\n{}", failures.join("\n"));
}

#[test]
fn louvain_is_at_least_as_modular_as_networkx() {
    let mut failures = Vec::new();
    for f in fixtures() {
        let edges = f.weight_edges();
        let labels = louvain(f.n, &edges, f.louvain_seed);
        assert_eq!(labels.len(), f.n, "{}: one label per node", f.name);
        let k = labels.iter().max().map_or(0, |&m| m as usize + 1);
        let mut used = vec![false; k];
        labels.iter().for_each(|&l| used[l as usize] = true);
        assert!(
            used.iter().all(|&u| u),
            "{}: labels are not 0..{k}: {labels:?}",
            f.name
        );
        assert_eq!(
            labels,
            louvain(f.n, &edges, f.louvain_seed),
            "{}: louvain is not deterministic for a seed",
            f.name
        );
        let q = modularity(f.n, &edges, &labels);
        let nx_k = f.networkx_partition.iter().max().map_or(0, |&m| m + 1);
        println!(
            "louvain     {:<11} networkx Q {:.17} ({nx_k} communities) rapport Q {q:.17} ({k} communities) gain {:+.3e}",
            f.name,
            f.networkx_modularity,
            q - f.networkx_modularity
        );
        if q.is_nan() || q < f.networkx_modularity - 1e-12 {
            failures.push(format!(
                "{}: rapport Q {q:.17} < networkx Q {:.17} (labels {labels:?})",
                f.name, f.networkx_modularity
            ));
        }
    }
    assert!(failures.is_empty(), "louvain:\n{}", failures.join("\n"));
}
