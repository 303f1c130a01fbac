//! `analyze`, `path`, `what-if` and `portfolio` on the real binary: the documented JSON
//! shapes, numbers identical to the library's, readable tables, and exit codes.

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use rapport_core::analysis::{analyze_account, introduction_paths, AccountInput};
use rapport_store::Workspace;
use serde_json::Value;

const TODAY: &str = "2026-11-23";

fn rapport(workspace: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .expect("run rapport")
}

fn ok_json(workspace: &Path, args: &[&str]) -> Value {
    let out = rapport(workspace, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// The JSON number is `x`: the output has full precision (shortest round-trip form);
/// the tolerance only absorbs serde_json's last-bit rounding when parsing it back.
fn same(v: &Value, x: f64) -> bool {
    v.as_f64()
        .is_some_and(|y| (y - x).abs() <= 1e-15 * x.abs().max(1.0))
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.rapport");
    let out = rapport(&file, &["demo", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0));
    (dir, file)
}

#[test]
fn analyze_json_has_the_documented_shape_and_the_library_numbers() {
    let (_dir, file) = demo();
    let json = ok_json(
        &file,
        &[
            "analyze",
            "--account",
            "Northwind Telecom",
            "--json",
            "--today",
            TODAY,
        ],
    );
    for key in [
        "account",
        "account_coverage",
        "support_balance",
        "stakeholders",
        "role_coverage",
        "risks",
        "factions",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["account"], "Northwind Telecom");
    let people = json["stakeholders"].as_array().expect("array");
    assert_eq!(people.len(), 26);
    for p in people {
        for key in [
            "name",
            "network_influence",
            "brokerage",
            "blended_influence",
            "coverage",
            "attitude",
            "hidden_influencer",
        ] {
            assert!(p.get(key).is_some(), "stakeholder lacks {key}");
        }
    }
    let total: f64 = people
        .iter()
        .filter_map(|p| p["network_influence"].as_f64())
        .sum();
    assert!((total - 1.0).abs() < 1e-9);
    for r in json["role_coverage"].as_array().expect("array") {
        assert!(
            r["role"].is_string() && r["best_coverage"].is_number() && r["uncovered"].is_boolean()
        );
    }
    for r in json["risks"].as_array().expect("array") {
        assert!(r["kind"].is_string() && r["people"].is_array() && r["reason"].is_string());
    }
    for f in json["factions"].as_array().expect("array") {
        assert!(f["members"].is_array() && f["mean_attitude"].is_number());
        assert!(f["total_influence"].is_number());
    }

    // Full precision: exactly the library's numbers on the same file.
    let ws = Workspace::open(&file).expect("open");
    let id = ws
        .account_named("Northwind Telecom")
        .expect("read")
        .expect("exists");
    let detail = ws.account_detail(id).expect("detail");
    let team = ws.list_team_members().expect("team");
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("date");
    let input = AccountInput {
        detail: &detail,
        team: &team,
        today,
    };
    let lib = analyze_account(&input);
    let eb = lib.economic_buyer.clone().expect("an economic buyer");
    let expected = introduction_paths(&input, eb.id, 4).expect("paths");
    drop(ws);
    assert!(same(&json["account_coverage"], lib.account_coverage));
    assert!(same(&json["support_balance"], lib.support_balance));
    for (p, s) in people.iter().zip(&lib.stakeholders) {
        assert_eq!(p["name"], s.name.as_str());
        assert!(same(&p["blended_influence"], s.blended_influence));
        assert!(same(&p["brokerage"], s.brokerage));
    }

    let paths = ok_json(
        &file,
        &[
            "path",
            "--account",
            "Northwind Telecom",
            "--to",
            &eb.name,
            "--k",
            "4",
            "--json",
        ],
    );
    let paths = paths.as_array().expect("array");
    assert_eq!(paths.len(), expected.len());
    for (p, e) in paths.iter().zip(&expected) {
        assert!(same(&p["strength"], e.strength));
        let names: Vec<&str> = p["people"]
            .as_array()
            .expect("people")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(names.last(), Some(&eb.name.as_str()));
    }
    assert!(paths
        .windows(2)
        .all(|w| w[0]["strength"].as_f64() >= w[1]["strength"].as_f64()));
}

#[test]
fn what_if_and_portfolio_print_deltas_and_the_grid() {
    let (_dir, file) = demo();
    let w = ok_json(
        &file,
        &[
            "what-if",
            "--account",
            "northwind telecom",
            "--without",
            "sarah whitfield",
            "--json",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(w["removed"], "Sarah Whitfield");
    assert_eq!(w["removed_is_team_member"], true);
    let before = w["account_coverage_before"].as_f64().expect("number");
    let after = w["account_coverage_after"].as_f64().expect("number");
    assert!(
        after <= before,
        "losing a team member never raises coverage"
    );
    assert!(same(&w["account_coverage_delta"], after - before));

    let p = ok_json(&file, &["portfolio", "--json", "--today", TODAY]);
    let accounts = p["accounts"].as_array().expect("accounts");
    assert_eq!(accounts.len(), 4);
    let strategy = |name: &str| {
        accounts
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| a["nine_box"]["strategy"].clone())
    };
    assert_eq!(strategy("Northwind Telecom"), Some("invest_to_grow".into()));
    assert_eq!(
        strategy("Contoso Logistics"),
        Some("maintain_efficiently".into())
    );
    assert_eq!(p["revenue"]["rows"][0]["name"], "Northwind Telecom");
    assert!(p["revenue"]["top20_share"].as_f64().is_some());

    let table = rapport(&file, &["portfolio", "--today", TODAY]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("invest to grow") && text.contains("Top 20% of accounts"));
    let text = rapport(&file, &["analyze", "--account", "Northwind Telecom"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("STAKEHOLDER") && text.contains("Risks:"),
        "{text}"
    );
}

#[test]
fn unknown_names_and_bad_values_have_clear_errors_and_exit_codes() {
    let (_dir, file) = demo();
    let out = rapport(&file, &["analyze", "--account", "Nowhere Ltd"]);
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no account named \"Nowhere Ltd\"") && err.contains("Northwind Telecom"));

    let out = rapport(
        &file,
        &["path", "--account", "Northwind Telecom", "--to", "Anders"],
    );
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean: Anders Lindqvist"), "{err}");

    let out = rapport(
        &file,
        &[
            "path",
            "--account",
            "Northwind Telecom",
            "--to",
            "Anders Lindqvist",
            "--k",
            "0",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "k must be at least 1");

    // A team member is not a path target.
    let out = rapport(
        &file,
        &[
            "path",
            "--account",
            "Northwind Telecom",
            "--to",
            "Sarah Whitfield",
        ],
    );
    assert_eq!(out.status.code(), Some(4));

    let missing = file.with_file_name("missing.rapport");
    let out = rapport(&missing, &["portfolio"]);
    assert_eq!(out.status.code(), Some(3));
}
