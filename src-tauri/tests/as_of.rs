//! The "workspace over time" commands through the real IPC, on the demo workspace
//! (two years of backdated history, today = the machine's today).

mod common;

use chrono::{Datelike, Days, Local, NaiveDate};
use common::{call, harness_with, Harness};
use serde_json::{json, Value};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn ago(days: u64) -> String {
    today()
        .checked_sub_days(Days::new(days))
        .expect("date")
        .format("%Y-%m-%d")
        .to_string()
}

fn demo() -> Harness {
    harness_with(|path| {
        let mut ws = rapport_store::Workspace::create(path).expect("create");
        rapport_store::demo::write_demo(&mut ws, today()).expect("demo");
    })
}

fn northwind(h: &Harness) -> i64 {
    let accounts = call(h, "list_accounts", json!({})).expect("accounts");
    accounts
        .as_array()
        .and_then(|a| a.iter().find(|a| a["name"] == "Northwind Telecom"))
        .and_then(|a| a["id"].as_i64())
        .expect("Northwind")
}

fn kind(e: &Value) -> &str {
    e["kind"].as_str().unwrap_or_default()
}

#[test]
fn history_span_and_an_account_as_of_a_past_date() {
    let h = demo();
    let span = call(&h, "history_span", json!({})).expect("span");
    assert_eq!(span["today"], json!(ago(0)));
    let earliest = span["earliest"].as_str().expect("the demo has history");
    assert!(earliest <= ago(700).as_str(), "{earliest}");

    let id = northwind(&h);
    // A year ago Richard Hale (who left 232 days ago) was still there.
    let then = call(
        &h,
        "account_as_of",
        json!({ "accountId": id, "date": ago(365) }),
    )
    .expect("as of");
    assert_eq!(then["date"], json!(ago(365)));
    let names: Vec<&str> = then["detail"]["stakeholders"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(|s| s["fields"]["name"].as_str())
        .collect();
    assert!(names.contains(&"Richard Hale"), "{names:?}");
    let now = call(
        &h,
        "account_as_of",
        json!({ "accountId": id, "date": ago(0) }),
    )
    .expect("now");
    assert!(!now["detail"]["stakeholders"]
        .as_array()
        .expect("people")
        .iter()
        .any(|s| s["fields"]["name"] == "Richard Hale"));
    assert!(then["analysis"]["account_coverage"].is_number());
    assert!(then["stages"]["current"].is_string());

    // The demo's rows were written without history: they have always been there.
    call(
        &h,
        "account_as_of",
        json!({ "accountId": id, "date": ago(4000) }),
    )
    .expect("before the history began");
    let e = call(
        &h,
        "account_as_of",
        json!({ "accountId": 9_000_000, "date": ago(10) }),
    )
    .expect_err("no such account");
    assert_eq!(kind(&e), "not_found");
    assert!(e["message"].as_str().unwrap_or_default().contains(&ago(10)));
}

#[test]
fn dates_are_validated_and_named() {
    let h = demo();
    let id = northwind(&h);
    let tomorrow = (today() + Days::new(1)).format("%Y-%m-%d").to_string();
    for (cmd, args, value) in [
        (
            "account_as_of",
            json!({ "accountId": id, "date": "2025-02-30" }),
            "2025-02-30".to_string(),
        ),
        (
            "analyze_portfolio_as_of",
            json!({ "date": tomorrow }),
            tomorrow.clone(),
        ),
        (
            "portfolio_stages",
            json!({ "date": "yesterday" }),
            "yesterday".to_string(),
        ),
        (
            "portfolio_timeline",
            json!({ "from": ago(10), "to": ago(20) }),
            ago(10),
        ),
        (
            "compare_account",
            json!({ "accountId": id, "from": ago(1), "to": tomorrow }),
            tomorrow.clone(),
        ),
    ] {
        let e = call(&h, cmd, args).expect_err(cmd);
        assert_eq!(kind(&e), "validation", "{cmd}: {e}");
        assert!(
            e["message"].as_str().unwrap_or_default().contains(&value),
            "{cmd}: {e}"
        );
    }
    for q in [0, 41] {
        let e = call(&h, "portfolio_trails", json!({ "quarters": q })).expect_err("quarters");
        assert_eq!(kind(&e), "validation");
    }
}

#[test]
fn timeline_stages_trails_portfolio_and_comparison() {
    let h = demo();
    let id = northwind(&h);
    let accounts = call(&h, "list_accounts", json!({})).expect("accounts");
    let order: Vec<&Value> = accounts
        .as_array()
        .expect("list")
        .iter()
        .map(|a| &a["id"])
        .collect();

    let t = call(
        &h,
        "portfolio_timeline",
        json!({ "from": ago(300), "to": ago(200) }),
    )
    .expect("timeline");
    let lanes = t["lanes"].as_array().expect("lanes");
    assert_eq!(
        lanes.iter().map(|l| &l["account_id"]).collect::<Vec<_>>(),
        order
    );
    let nw = lanes.iter().find(|l| l["account_id"] == id).expect("lane");
    // Northwind regressed interdependent → cooperative 245 days ago (and recovered 80 days ago).
    assert_eq!(nw["stage_at_from"], "interdependent");
    assert_eq!(nw["stage_at_to"], "cooperative");
    assert_eq!(nw["movement"], "back");
    assert!(nw["regressions"].as_array().is_some_and(|r| !r.is_empty()));

    let s = call(&h, "portfolio_stages", json!({ "date": ago(0) })).expect("stages");
    let newest = &s["regressions"][0]["regression"]["date"];
    assert!(s["regressions"]
        .as_array()
        .expect("regressions")
        .iter()
        .all(|r| r["regression"]["date"].as_str() <= newest.as_str()));
    assert_eq!(s["average_days"].as_array().map(Vec::len), Some(6));
    let counted: u64 = s["distribution"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|l| l["count"].as_u64())
        .sum();
    assert_eq!(counted as usize, order.len());

    let trails = call(&h, "portfolio_trails", json!({ "quarters": 8 })).expect("trails");
    let trails = trails.as_array().expect("trails");
    assert_eq!(
        trails.iter().map(|t| &t["account_id"]).collect::<Vec<_>>(),
        order
    );
    let points = trails
        .iter()
        .find(|t| t["account_id"] == id)
        .and_then(|t| t["points"].as_array())
        .expect("points");
    assert!(!points.is_empty() && points.len() <= 8);
    let last = points
        .last()
        .and_then(|p| p["date"].as_str())
        .expect("date");
    let q = NaiveDate::parse_from_str(last, "%Y-%m-%d").expect("quarter end");
    assert!(q < today() && [3, 6, 9, 12].contains(&q.month()));

    let past = call(&h, "analyze_portfolio_as_of", json!({ "date": ago(365) })).expect("portfolio");
    assert_eq!(past["today"], json!(ago(365)));
    let a = &past["accounts"][0];
    assert!(a["clv_retention_down"].as_f64() <= a["clv"].as_f64());
    assert!(a["clv_retention_up"].as_f64() >= a["clv"].as_f64());

    let c = call(
        &h,
        "compare_account",
        json!({ "accountId": id, "from": ago(365), "to": ago(0) }),
    )
    .expect("compare");
    assert!(c["people_removed"]
        .as_array()
        .expect("removed")
        .iter()
        .any(|p| p["name"] == "Richard Hale"));
}
