//! The typed command boundary, exercised headless through Tauri's mock runtime and
//! real IPC requests on a real workspace file: JSON in, `{ kind, message, fields }` out.

mod common;

use common::{call, harness};
use serde_json::{json, Value};

fn account(name: &str) -> Value {
    json!({
        "name": name, "industry": "", "region": "", "tier": "key",
        "annual_revenue": 1000.0, "annual_margin": 250.0, "factor_scores": [], "notes": ""
    })
}

fn person(account_id: i64, name: &str, power: i64) -> Value {
    json!({
        "account_id": account_id, "name": name, "title": "", "org_unit_id": null,
        "reports_to": null, "dotted_to": null, "roles": ["decider"], "economic_buyer": false,
        "coach": false, "attitude": "unknown", "power": power, "interest": 3, "org_needs": "",
        "personal_wins": "", "last_contact": null, "notes": "", "placeholder": false
    })
}

#[test]
fn create_edit_undo_redo_through_ipc() {
    let h = harness();
    let info = call(&h, "workspace_info", json!({})).expect("info");
    assert_eq!(info["file_name"], "ipc.rapport");

    let a = call(
        &h,
        "create_account",
        json!({ "fields": account("Northwind") }),
    )
    .expect("create account")
    .as_i64()
    .expect("id");
    let p = call(
        &h,
        "create_stakeholder",
        json!({ "fields": person(a, "Ada", 4) }),
    )
    .expect("create person")
    .as_i64()
    .expect("id");
    let q = call(
        &h,
        "create_stakeholder",
        json!({ "fields": person(a, "Bo", 2) }),
    )
    .expect("create person")
    .as_i64()
    .expect("id");
    call(
        &h,
        "create_influence",
        json!({ "fields": { "account_id": a, "from_id": p, "to_id": q, "strength": 4, "kind": "ally", "note": "" } }),
    )
    .expect("tie");

    let detail = call(&h, "get_account", json!({ "id": a })).expect("detail");
    assert_eq!(detail["stakeholders"].as_array().map(Vec::len), Some(2));
    assert_eq!(detail["influences"].as_array().map(Vec::len), Some(1));

    let state = call(&h, "undo", json!({})).expect("undo");
    assert_eq!(state["can_redo"], true);
    assert_eq!(state["redo_label"]["entity"], "influence");
    assert_eq!(state["redo_label"]["name"], "Ada → Bo");
    let detail = call(&h, "get_account", json!({ "id": a })).expect("detail");
    assert_eq!(detail["influences"].as_array().map(Vec::len), Some(0));
    call(&h, "redo", json!({})).expect("redo");
    let detail = call(&h, "get_account", json!({ "id": a })).expect("detail");
    assert_eq!(detail["influences"].as_array().map(Vec::len), Some(1));

    let summaries = call(&h, "list_accounts", json!({})).expect("list");
    assert_eq!(summaries[0]["name"], "Northwind");
    assert_eq!(summaries[0]["stakeholder_count"], 2);
    assert!(h.path.exists());
}

#[test]
fn invalid_input_comes_back_as_a_tagged_validation_error() {
    let h = harness();
    let a = call(&h, "create_account", json!({ "fields": account("A") }))
        .expect("account")
        .as_i64()
        .expect("id");
    let err = call(
        &h,
        "create_stakeholder",
        json!({ "fields": person(a, "", 9) }),
    )
    .expect_err("invalid");
    assert_eq!(err["kind"], "validation");
    let fields: Vec<(&str, &str)> = err["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap_or(""),
                f["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![("name", "required"), ("power", "out_of_range")]
    );
    assert_eq!(err["fields"][1]["max"], 5.0);
    let detail = call(&h, "get_account", json!({ "id": a })).expect("detail");
    assert_eq!(detail["stakeholders"].as_array().map(Vec::len), Some(0));
}

#[test]
fn typed_errors_for_missing_rows_empty_history_and_foreign_paths() {
    let h = harness();
    let err = call(&h, "delete_stakeholder", json!({ "id": 404 })).expect_err("missing");
    assert_eq!(err["kind"], "missing_row");
    let err = call(&h, "undo", json!({})).expect_err("nothing");
    assert_eq!(err["kind"], "nothing_to_undo");
    let err = call(&h, "open_recent", json!({ "path": "/etc/passwd" })).expect_err("refused");
    assert_eq!(err["kind"], "not_allowed");
    // Malformed arguments are refused by the IPC layer before any command runs.
    assert!(call(&h, "get_account", json!({ "id": "seven" })).is_err());
    assert!(call(&h, "create_account", json!({ "fields": { "name": 3 } })).is_err());
}

#[test]
fn opening_a_workspace_backs_it_up_into_the_data_folder() {
    let h = harness();
    call(
        &h,
        "create_account",
        json!({ "fields": account("Backed up") }),
    )
    .expect("create");
    let (dir, stem) = rapport_desktop::state::backup_place(&h._dir.path().join("data"), &h.path);
    let backups = rapport_store::backup::list_backups(&dir, &stem).expect("list");
    assert_eq!(
        backups.len(),
        1,
        "one backup on open; the next after 30 minutes of edits"
    );
    let copy = rapport_store::Workspace::open(&backups[0].path).expect("the backup opens");
    assert_eq!(copy.integrity_check().expect("check"), "ok");
}
