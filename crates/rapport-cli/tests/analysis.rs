//! `analyze`, `path`, `what-if` and `portfolio` on the real binary: the documented JSON
//! shapes, numbers identical to the library's, readable tables, and exit codes.
//! `analyze --as-of` and `portfolio --as-of` answer from the history in the same shapes.

mod common;

use std::path::Path;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rapport_core::analysis::{analyze_account, introduction_paths, AccountInput};
use rapport_core::{AccountFields, ClvInputs, Tier};
use rapport_store::Workspace;
use serde_json::Value;

use common::{demo, ok_json, rapport, TODAY, YEAR_AGO};

/// The JSON number is `x`: the output has full precision (shortest round-trip form);
/// the tolerance only absorbs serde_json's last-bit rounding when parsing it back.
fn same(v: &Value, x: f64) -> bool {
    v.as_f64()
        .is_some_and(|y| (y - x).abs() <= 1e-15 * x.abs().max(1.0))
}

/// `analyze --account "Northwind Telecom" --json FLAG DATE`.
fn northwind_json(file: &Path, flag: &str, date: &str) -> Value {
    let args = [
        "analyze",
        "--account",
        "Northwind Telecom",
        "--json",
        flag,
        date,
    ];
    ok_json(file, &args)
}

#[test]
fn analyze_json_has_the_documented_shape_and_the_library_numbers() {
    let (_dir, file) = demo();
    let json = northwind_json(&file, "--today", TODAY);
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

// ---- --as-of: the workspace's history answers for a past date, in the same shape ----

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("object").keys().cloned().collect()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

#[test]
fn analyze_as_of_answers_for_that_date_in_the_same_shape() {
    let (_dir, file) = demo();
    let now = northwind_json(&file, "--today", TODAY);
    let then = northwind_json(&file, "--as-of", YEAR_AGO);
    assert_eq!(keys(&now), keys(&then));
    assert_eq!(
        keys(&now["stakeholders"][0]),
        keys(&then["stakeholders"][0])
    );
    // Staleness is measured against the as-of date unless --today says otherwise.
    assert_eq!(then["today"], YEAR_AGO);
    let names = |v: &Value| -> BTreeSet<String> {
        v["stakeholders"]
            .as_array()
            .expect("array")
            .iter()
            .map(|p| p["name"].as_str().expect("name").to_owned())
            .collect()
    };
    assert!(names(&then).contains("Richard Hale"));
    assert!(!names(&then).contains("CTO – unknown"));
    assert!(names(&now).contains("CTO – unknown"));

    // The library's numbers for the same date.
    let ws = Workspace::open(&file).expect("open");
    let past = ws.snapshot_as_of(date(YEAR_AGO)).expect("past");
    let id = past
        .account_named("Northwind Telecom")
        .expect("lookup")
        .expect("Northwind");
    let detail = past.account_detail(id).expect("detail");
    let team = past.list_team_members().expect("team");
    let r = analyze_account(&AccountInput {
        detail: &detail,
        team: &team,
        today: date(YEAR_AGO),
    });
    assert_eq!(then["account_coverage"].as_f64(), Some(r.account_coverage));
    assert_eq!(then["support_balance"].as_f64(), Some(r.support_balance));
    assert_ne!(then["support_balance"], now["support_balance"]);
}

#[test]
fn portfolio_as_of_answers_for_that_date_in_the_same_shape() {
    let (_dir, file) = demo();
    let now = ok_json(&file, &["portfolio", "--json", "--today", TODAY]);
    let then = ok_json(&file, &["portfolio", "--json", "--as-of", YEAR_AGO]);
    assert_eq!(keys(&now), keys(&then));
    assert_eq!(then["accounts"].as_array().expect("accounts").len(), 4);
    assert_eq!(keys(&now["accounts"][0]), keys(&then["accounts"][0]));
    let table = rapport(&file, &["portfolio", "--as-of", YEAR_AGO]);
    assert_eq!(table.status.code(), Some(0));
}

#[test]
fn bad_dates_and_accounts_not_there_then_are_clear_errors() {
    let (_dir, file) = demo();
    for bad in ["2025-13-01", "yesterday", "2025-02-30"] {
        let out = rapport(&file, &["portfolio", "--as-of", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let out = rapport(
            &file,
            &["analyze", "--account", "Northwind Telecom", "--as-of", bad],
        );
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }

    // An account created on 2024-06-01 did not exist on 2024-05-31.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("w.rapport");
    {
        let mut ws = Workspace::create(&path).expect("create");
        let at = chrono::DateTime::parse_from_rfc3339("2024-06-01T12:00:00Z")
            .expect("time")
            .to_utc();
        ws.set_clock_for_tests(Some(at));
        ws.create_account(&AccountFields {
            name: "Late Co".into(),
            industry: String::new(),
            region: String::new(),
            tier: Tier::Key,
            annual_revenue: 1.0,
            annual_margin: 1.0,
            factor_scores: vec![],
            clv: ClvInputs::default(),
            notes: String::new(),
        })
        .expect("account");
    }
    let out = rapport(
        &path,
        &["analyze", "--account", "Late Co", "--as-of", "2024-05-31"],
    );
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no account named \"Late Co\" as of 2024-05-31")
            && err.contains("the workspace had no accounts"),
        "{err}"
    );
    let ok = ok_json(
        &path,
        &[
            "analyze",
            "--account",
            "Late Co",
            "--json",
            "--as-of",
            "2024-06-02",
        ],
    );
    assert_eq!(ok["account"], "Late Co");
    let empty = ok_json(&path, &["portfolio", "--json", "--as-of", "2024-05-31"]);
    assert_eq!(empty["accounts"].as_array().map(Vec::len), Some(0));
}
