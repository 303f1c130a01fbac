//! `timeline` and `portfolio --trails` on the real binary: the JSON shapes, the
//! library's numbers, readable text, and the unknown-account exit code.

mod common;

use common::{demo, ok_json, ok_text, rapport, TODAY, YEAR_AGO};

use chrono::NaiveDate;
use rapport_core::analysis::stage_analytics;
use rapport_store::Workspace;
use serde_json::Value;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

#[test]
fn timeline_json_lists_changes_regressions_and_the_current_age() {
    let (_dir, file) = demo();
    let t = ok_json(
        &file,
        &[
            "timeline",
            "--account",
            "northwind telecom",
            "--json",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(t["account"], "Northwind Telecom");
    assert_eq!(t["today"], TODAY);

    let ws = Workspace::open(&file).expect("open");
    let id = ws
        .account_named("Northwind Telecom")
        .expect("read")
        .expect("account");
    let detail = ws.account_detail(id).expect("detail");
    let lib = stage_analytics(&detail.stage_changes, date(TODAY));

    assert_eq!(
        t["current"],
        serde_json::to_value(lib.current).expect("json")
    );
    assert_eq!(t["current_age_days"], lib.current_age_days.expect("age"));
    assert_eq!(t["since"].as_str(), lib.since.as_deref());
    let changes = t["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), detail.stage_changes.len());
    let dates: Vec<&str> = changes.iter().filter_map(|c| c["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "date order");
    assert!(changes
        .iter()
        .all(|c| c["evidence"].as_str().is_some_and(|e| !e.is_empty())));
    let marked: Vec<&Value> = changes.iter().filter(|c| c["regression"] == true).collect();
    assert_eq!(marked.len(), lib.regressions.len());
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0]["from"], "interdependent");
    assert_eq!(marked[0]["stage"], "cooperative");
    let days: i64 = changes.iter().filter_map(|c| c["days"].as_i64()).sum();
    let total: i64 = lib.time_in_stage.iter().map(|s| s.days).sum();
    assert_eq!(days, total);
    assert_eq!(t["regressions"].as_array().map(Vec::len), Some(1));
}

#[test]
fn timeline_text_marks_regressions_and_unknown_accounts_fail_with_4() {
    let (_dir, file) = demo();
    let text = ok_text(
        &file,
        &[
            "timeline",
            "--account",
            "Northwind Telecom",
            "--today",
            TODAY,
        ],
    );
    assert!(text.contains("DATE") && text.contains("EVIDENCE"), "{text}");
    assert!(text.contains("cooperative ▼ regression"), "{text}");
    assert!(
        text.contains("Current stage: interdependent since"),
        "{text}"
    );
    assert!(text.contains("(80 days)"), "{text}");

    let out = rapport(&file, &["timeline", "--account", "Nowhere Ltd"]);
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Nowhere Ltd") && err.contains("Northwind Telecom"),
        "{err}"
    );

    let dir = tempfile::tempdir().expect("dir");
    let empty = dir.path().join("empty.rapport");
    assert_eq!(rapport(&empty, &["init"]).status.code(), Some(0));
    let out = rapport(&empty, &["timeline", "--account", "Anything"]);
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn portfolio_trails_add_quarterly_positions_also_as_of_a_date() {
    let (_dir, file) = demo();
    let plain = ok_json(&file, &["portfolio", "--json", "--today", TODAY]);
    assert!(plain.get("trails").is_none(), "only with --trails");

    let p = ok_json(
        &file,
        &[
            "portfolio",
            "--json",
            "--today",
            TODAY,
            "--trails",
            "--quarters",
            "4",
        ],
    );
    let trails = p["trails"].as_array().expect("trails");
    let accounts = p["accounts"].as_array().expect("accounts");
    assert_eq!(trails.len(), accounts.len());
    for (trail, account) in trails.iter().zip(accounts) {
        assert_eq!(trail["account_id"], account["account_id"]);
        let dates: Vec<&str> = trail["points"]
            .as_array()
            .expect("points")
            .iter()
            .filter_map(|p| p["date"].as_str())
            .collect();
        assert_eq!(
            dates,
            ["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"]
        );
    }
    let last = &trails[0]["points"][3];
    assert!(last["attractiveness"]
        .as_f64()
        .is_some_and(|a| (1.0..=5.0).contains(&a)));

    // Default: eight quarters. As of a year ago: quarters before then.
    let then = ok_json(
        &file,
        &["portfolio", "--json", "--as-of", YEAR_AGO, "--trails"],
    );
    let points = then["trails"][0]["points"].as_array().expect("points");
    assert_eq!(points.len(), 8);
    assert_eq!(points[7]["date"], "2025-09-30");
    assert_eq!(points[0]["date"], "2023-12-31");

    let text = ok_text(
        &file,
        &["portfolio", "--today", TODAY, "--trails", "--quarters", "2"],
    );
    assert!(text.contains("Quarterly positions"), "{text}");
    assert!(text.contains("Northwind Telecom: 2026-06-30 ("), "{text}");

    for bad in ["0", "41", "x"] {
        let out = rapport(&file, &["portfolio", "--trails", "--quarters", bad]);
        assert_eq!(out.status.code(), Some(2), "--quarters {bad}");
    }
}

#[test]
fn timeline_as_of_a_date_shows_the_stages_the_history_had_then() {
    let (_dir, file) = demo();
    let now = ok_json(
        &file,
        &[
            "timeline",
            "--account",
            "Northwind Telecom",
            "--json",
            "--today",
            TODAY,
        ],
    );
    let then = ok_json(
        &file,
        &[
            "timeline",
            "--account",
            "Northwind Telecom",
            "--json",
            "--as-of",
            YEAR_AGO,
        ],
    );
    // measured against the as-of day, from the workspace as it was at its end
    assert_eq!(then["today"], YEAR_AGO);
    let past = Workspace::open(&file)
        .expect("open")
        .snapshot_as_of(date(YEAR_AGO))
        .expect("past");
    let id = past
        .account_named("Northwind Telecom")
        .expect("read")
        .expect("the account existed a year ago");
    let detail = past.account_detail(id).expect("detail");
    let lib = stage_analytics(&detail.stage_changes, date(YEAR_AGO));
    let changes = then["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), detail.stage_changes.len());
    assert_eq!(
        then["current"],
        serde_json::to_value(lib.current).expect("json")
    );
    assert_eq!(then["since"].as_str(), lib.since.as_deref());
    assert!(
        changes.len() < now["changes"].as_array().expect("changes").len(),
        "the demo recorded stage changes during the last year"
    );
    assert!(changes
        .iter()
        .all(|c| c["date"].as_str().is_some_and(|d| d <= YEAR_AGO)));

    // a date that is not one is a usage error, as for `analyze --as-of`
    let out = rapport(
        &file,
        &[
            "timeline",
            "--account",
            "Northwind Telecom",
            "--as-of",
            "2025-02-30",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}
