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

/// Runs a create command and returns the new id.
fn create(h: &common::Harness, cmd: &str, fields: Value) -> i64 {
    call(h, cmd, json!({ "fields": fields }))
        .expect(cmd)
        .as_i64()
        .expect("id")
}

fn team_member(h: &common::Harness, name: &str) -> i64 {
    create(
        h,
        "create_team_member",
        json!({ "name": name, "role": "account_lead" }),
    )
}

fn stakeholder_node(id: i64, x: f64, y: f64) -> Value {
    json!({ "node": { "kind": "stakeholder", "id": id }, "x": x, "y": y })
}

#[test]
fn map_positions_save_reset_and_undo_through_ipc() {
    let h = harness();
    let a = create(&h, "create_account", account("Northwind"));
    let other = create(&h, "create_account", account("Contoso"));
    let ada = create(&h, "create_stakeholder", person(a, "Ada", 4));
    let dee = create(&h, "create_stakeholder", person(other, "Dee", 2));
    let mei = team_member(&h, "Mei");

    let positions = json!([
        stakeholder_node(ada, 120.5, -40.25),
        { "node": { "kind": "team_member", "id": mei }, "x": 300.0, "y": 80.0 }
    ]);
    let read = |layout: &str| {
        call(
            &h,
            "map_positions",
            json!({ "accountId": a, "layout": layout }),
        )
        .expect("read")
    };
    assert_eq!(read("org_chart"), json!([]));
    call(
        &h,
        "save_map_positions",
        json!({ "accountId": a, "layout": "org_chart", "positions": positions }),
    )
    .expect("save");
    assert_eq!(read("org_chart"), positions);
    assert_eq!(read("network"), json!([]));
    let history = call(&h, "history_state", json!({})).expect("history");
    assert_eq!(
        history["undo_label"],
        json!({ "verb": "update", "entity": "map", "name": "Northwind" })
    );

    call(
        &h,
        "reset_map_positions",
        json!({ "accountId": a, "layout": "org_chart" }),
    )
    .expect("reset");
    assert_eq!(read("org_chart"), json!([]));
    call(&h, "undo", json!({})).expect("undo reset");
    assert_eq!(read("org_chart"), positions);

    // Refusals: typed, per field, and nothing written.
    let history = call(&h, "history_state", json!({})).expect("history");
    let refused = |layout: &str, positions: Value| {
        call(
            &h,
            "save_map_positions",
            json!({ "accountId": a, "layout": layout, "positions": positions }),
        )
        .expect_err("refused")
    };
    let err = refused("network", json!([stakeholder_node(ada, 2e7, 0.0)]));
    assert_eq!(err["kind"], "validation");
    assert_eq!(err["fields"][0]["field"], "positions.x");
    assert_eq!(err["fields"][0]["code"], "out_of_range");
    assert_eq!(err["fields"][0]["max"], 1e7);
    let err = refused("network", json!([stakeholder_node(dee, 0.0, 0.0)]));
    assert_eq!(err["fields"][0]["code"], "unknown_reference");
    assert!(refused("radial", json!([])).is_string(), "unknown layout");
    let err = call(
        &h,
        "map_positions",
        json!({ "accountId": 404, "layout": "network" }),
    )
    .expect_err("no account");
    assert_eq!(err["kind"], "missing_row");
    assert_eq!(read("org_chart"), positions);
    assert_eq!(read("network"), json!([]));
    assert_eq!(
        call(&h, "history_state", json!({})).expect("history"),
        history
    );
}

#[test]
fn a_map_selection_is_deleted_and_restored_as_one_step_through_ipc() {
    let h = harness();
    let a = create(&h, "create_account", account("Northwind"));
    let ada = create(&h, "create_stakeholder", person(a, "Ada", 4));
    let bo = create(&h, "create_stakeholder", person(a, "Bo", 2));
    let tie = create(
        &h,
        "create_influence",
        json!({ "account_id": a, "from_id": ada, "to_id": bo, "strength": 4, "kind": "ally", "note": "" }),
    );
    let mei = team_member(&h, "Mei");
    let cover = create(
        &h,
        "create_coverage",
        json!({ "team_member_id": mei, "stakeholder_id": ada, "strength": 3, "last_contact": null, "note": "" }),
    );
    let before = call(&h, "get_account", json!({ "id": a })).expect("detail");

    let err = call(
        &h,
        "delete_elements",
        json!({ "accountId": a, "selection": { "stakeholders": [], "influences": [], "coverage": [] } }),
    )
    .expect_err("empty");
    assert_eq!(err["kind"], "validation");
    assert_eq!(err["fields"][0]["field"], "selection");
    assert_eq!(err["fields"][0]["code"], "required");
    let err = call(
        &h,
        "delete_elements",
        json!({ "accountId": a, "selection": { "stakeholders": [bo, 9999], "influences": [], "coverage": [] } }),
    )
    .expect_err("unknown id");
    assert_eq!(err["fields"][0]["code"], "unknown_reference");
    assert_eq!(
        call(&h, "get_account", json!({ "id": a })).expect("detail"),
        before
    );

    call(
        &h,
        "delete_elements",
        json!({ "accountId": a, "selection": { "stakeholders": [bo], "influences": [tie], "coverage": [cover] } }),
    )
    .expect("delete");
    let detail = call(&h, "get_account", json!({ "id": a })).expect("detail");
    assert_eq!(detail["stakeholders"].as_array().map(Vec::len), Some(1));
    assert_eq!(detail["influences"], json!([]));
    assert_eq!(detail["coverage"], json!([]));
    let state = call(&h, "undo", json!({})).expect("undo");
    assert_eq!(
        state["redo_label"],
        json!({ "verb": "delete", "entity": "selection", "name": "Bo, Ada → Bo, Mei → Ada" })
    );
    assert_eq!(
        call(&h, "get_account", json!({ "id": a })).expect("detail"),
        before
    );
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The only test of this binary that sets `RAPPORT_TEST_SAVE_DIR` (the environment is
/// shared by the tests running in parallel; the others open no save dialog).
#[test]
fn export_file_and_save_copy_write_through_the_save_dialog_test_seam() {
    use base64::Engine;
    let h = harness();
    let out = tempfile::tempdir().expect("out");
    std::env::set_var("RAPPORT_TEST_SAVE_DIR", out.path());
    let export = |format: &str, name: &str, data: &str| {
        call(
            &h,
            "export_file",
            json!({ "format": format, "suggestedName": name, "data": data }),
        )
    };

    let mut png = vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
    png.extend((0..=255u8).cycle().take(5_000));
    let encoded = base64::engine::general_purpose::STANDARD.encode(&png);
    let path = export("png", "Northwind / map", &encoded).expect("png");
    assert_eq!(
        path,
        json!(out.path().join("Northwind _ map.png").to_string_lossy())
    );
    assert_eq!(
        std::fs::read(out.path().join("Northwind _ map.png")).expect("read"),
        png
    );
    let svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>北风电信 &amp; Ada</text></svg>\n";
    export("svg", "北风电信.svg", svg).expect("svg");
    assert_eq!(
        std::fs::read_to_string(out.path().join("北风电信.svg")).expect("read"),
        svg
    );
    let written = files_in(out.path());
    assert_eq!(written, vec!["Northwind _ map.png", "北风电信.svg"]);

    let not_png = base64::engine::general_purpose::STANDARD.encode(b"GIF89a....");
    for (format, data) in [
        ("png", "%%% not base64 %%%"),
        ("png", not_png.as_str()),
        ("png", ""),
        ("svg", "<html><body/></html>"),
        ("svg", "<svg><unclosed></svg>"),
        ("svg", encoded.as_str()),
    ] {
        let err = export(format, "bad", data).expect_err(data);
        assert_eq!(err["kind"], "validation", "{format} {data}");
    }
    assert!(export("gif", "bad", &encoded).is_err(), "unknown format");
    assert_eq!(files_in(out.path()), written, "nothing else written");

    // Every save dialog answers through the seam: Save a copy too.
    let copy = call(&h, "save_copy", json!({})).expect("copy");
    let copy = std::path::PathBuf::from(copy.as_str().expect("path"));
    assert_eq!(copy.parent(), Some(out.path()));
    let ws = rapport_store::Workspace::open(&copy).expect("the copy opens");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
    std::env::remove_var("RAPPORT_TEST_SAVE_DIR");
}

#[test]
fn the_projector_theme_is_a_preference() {
    let h = harness();
    let preferences = json!({ "language": "zh", "theme": "projector" });
    call(&h, "set_preferences", json!({ "preferences": preferences })).expect("set");
    // a caller that does not know the confidence threshold leaves it at its default
    assert_eq!(
        call(&h, "get_preferences", json!({})).expect("get"),
        json!({ "language": "zh", "theme": "projector", "confidence_days": 180 })
    );
    assert!(call(
        &h,
        "set_preferences",
        json!({ "preferences": { "language": null, "theme": "beamer" } })
    )
    .is_err());
}

#[test]
fn the_confidence_threshold_is_a_preference_within_bounds() {
    let h = harness();
    let preferences = json!({ "language": null, "theme": "dark", "confidence_days": 90 });
    call(&h, "set_preferences", json!({ "preferences": preferences })).expect("set");
    assert_eq!(
        call(&h, "get_preferences", json!({})).expect("get"),
        preferences
    );
    for bad in [0, 3651] {
        let err = call(
            &h,
            "set_preferences",
            json!({ "preferences": { "language": null, "theme": "dark", "confidence_days": bad } }),
        )
        .expect_err("out of bounds");
        assert!(err.to_string().contains("3650"), "{err}");
    }
    // the refused values changed nothing
    assert_eq!(
        call(&h, "get_preferences", json!({})).expect("get"),
        preferences
    );
}

// ---- Backups, restore, open-time choices and a full disk (issue 6) ----

/// The account names the workspace holds, as the UI reads them.
fn account_names(h: &common::Harness) -> Vec<String> {
    let list = call(h, "list_accounts", json!({})).expect("accounts");
    let mut names: Vec<String> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|a| a["name"].as_str().unwrap_or("").to_string())
        .collect();
    names.sort();
    names
}

fn backup_paths(h: &common::Harness) -> Vec<String> {
    call(h, "list_backups", json!({}))
        .expect("backups")
        .as_array()
        .expect("list")
        .iter()
        .map(|b| b["path"].as_str().expect("path").to_string())
        .collect()
}

/// Scribbles over the middle of a closed workspace file or backup (past its header
/// and schema; a closed workspace has no log beside it).
fn damage(path: &std::path::Path) {
    let mut data = std::fs::read(path).expect("read");
    let start = data.len() / 2;
    data[start..start + 4096].fill(0xA5);
    std::fs::write(path, &data).expect("write");
}

/// A workspace file holding the demo data (big enough to damage in the middle).
fn big_workspace(path: &std::path::Path) -> rapport_store::Workspace {
    let mut ws = rapport_store::Workspace::create(path).expect("create");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    rapport_store::demo::write_demo(&mut ws, today).expect("demo");
    ws
}

#[test]
fn backups_are_listed_newest_first_and_restoring_one_can_itself_be_undone() {
    let h = harness();
    let opened = backup_paths(&h);
    assert_eq!(opened.len(), 1, "the backup taken on open");
    let listed = call(&h, "list_backups", json!({})).expect("backups");
    assert!(listed[0]["size_bytes"].as_u64().expect("size") > 0);
    let taken = listed[0]["taken_at"].as_str().expect("taken_at");
    assert!(
        chrono::NaiveDateTime::parse_from_str(taken, "%Y-%m-%dT%H:%M:%S").is_ok(),
        "{taken}"
    );
    create(&h, "create_account", account("After the backup"));

    let info = call(&h, "restore_backup", json!({ "path": opened[0] })).expect("restore");
    assert_eq!(info["file_name"], "ipc.rapport");
    assert_eq!(info["read_only"], false);
    assert!(
        account_names(&h).is_empty(),
        "the backup was of the empty workspace"
    );
    assert_eq!(
        call(&h, "history_state", json!({})).expect("history")["can_undo"],
        false
    );

    // The state before the restore was backed up first and heads the list.
    let now = backup_paths(&h);
    assert_eq!(now.len(), 2);
    assert_eq!(now[1], opened[0]);
    call(&h, "restore_backup", json!({ "path": now[0] })).expect("undo the restore");
    assert_eq!(account_names(&h), vec!["After the backup"]);
    let state = call(&h, "history_state", json!({})).expect("history");
    assert_eq!(state["undo_label"]["name"], "After the backup");

    // Only listed backups: never a path of the webview's choosing.
    for path in [
        "/etc/passwd".to_string(),
        h.path.to_string_lossy().into_owned(),
        format!("{}/../ipc.rapport", now[0]),
    ] {
        let err = call(&h, "restore_backup", json!({ "path": path })).expect_err("refused");
        assert_eq!(err["kind"], "not_allowed", "{path}");
    }
    assert_eq!(account_names(&h), vec!["After the backup"]);
}

#[test]
fn a_damaged_backup_is_refused_as_corrupt_and_changes_nothing() {
    let h = harness_with_demo();
    let path = backup_paths(&h)[0].clone();
    damage(std::path::Path::new(&path));
    let before = (
        account_names(&h),
        call(&h, "history_state", json!({})).expect("history"),
    );
    let err = call(&h, "restore_backup", json!({ "path": path })).expect_err("refused");
    assert_eq!(err["kind"], "corrupt");
    assert_eq!(
        (
            account_names(&h),
            call(&h, "history_state", json!({})).expect("history")
        ),
        before
    );
    assert_eq!(
        backup_paths(&h).len(),
        1,
        "no backup is taken for a refused restore"
    );
}

fn harness_with_demo() -> common::Harness {
    common::harness_with(|path| drop(big_workspace(path)))
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_offered_and_opened_read_only_and_refuses_every_edit() {
    use std::os::unix::fs::PermissionsExt;
    let h = common::harness_with(|path| {
        drop(big_workspace(path));
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    });
    let bytes = std::fs::read(&h.path).expect("read");
    let err = call(&h, "take_startup_error", json!({})).expect("startup");
    assert_eq!(err["kind"], "read_only");
    let failure = call(&h, "open_failure", json!({})).expect("failure");
    assert_eq!(failure["file_name"], "ipc.rapport");
    assert_eq!(failure["error"]["kind"], "read_only");
    assert_eq!(failure["can_open_read_only"], true);
    assert_eq!(failure["can_recover"], false);
    // Not a damaged file: nothing to restore or copy.
    let err = call(&h, "restore_failed_file", json!({ "path": "/x" })).expect_err("no");
    assert_eq!(err["kind"], "not_allowed");

    let info = call(&h, "open_read_only", json!({})).expect("read-only session");
    assert_eq!(info["read_only"], true);
    assert_eq!(
        call(&h, "workspace_info", json!({})).expect("info")["read_only"],
        true
    );
    assert_eq!(
        call(&h, "open_failure", json!({})).expect("none"),
        Value::Null
    );
    let names = account_names(&h);
    assert!(
        names.contains(&"Northwind Telecom".to_string()),
        "{names:?}"
    );
    let a = call(&h, "list_accounts", json!({})).expect("accounts")[0]["id"].clone();
    let person = person(a.as_i64().expect("id"), "", 9); // invalid too: read-only wins
    for (cmd, args) in [
        ("create_account", json!({ "fields": account("No") })),
        (
            "update_account",
            json!({ "id": a, "fields": account("No") }),
        ),
        ("delete_account", json!({ "id": a })),
        ("create_stakeholder", json!({ "fields": person })),
        (
            "create_factor",
            json!({ "fields": { "axis": "relationship", "name": "No", "weight": 1.0 } }),
        ),
        ("delete_factor", json!({ "id": 1 })),
        ("undo", json!({})),
        ("redo", json!({})),
    ] {
        let err = call(&h, cmd, args).expect_err(cmd);
        assert_eq!(err["kind"], "read_only", "{cmd}: {err}");
    }
    assert_eq!(account_names(&h), names);
    assert!(
        backup_paths(&h).is_empty(),
        "a read-only session is never backed up"
    );
    assert_eq!(
        std::fs::read(&h.path).expect("read"),
        bytes,
        "the file changed"
    );
}

#[test]
fn a_damaged_file_offers_its_backups_a_rescue_copy_and_is_restored_from_a_backup() {
    use tauri::Manager;
    let h = common::harness_with(|path| {
        let ws = big_workspace(path);
        let data_dir = path.parent().expect("dir").join("data");
        let (dir, stem) = rapport_desktop::state::backup_place(&data_dir, path);
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("time");
        ws.back_up(&dir, &stem, at, &Default::default())
            .expect("backup");
        drop(ws);
        damage(path);
    });
    let damaged = std::fs::read(&h.path).expect("read");
    assert_eq!(
        call(&h, "take_startup_error", json!({})).expect("err")["kind"],
        "corrupt"
    );
    assert_eq!(
        call(&h, "workspace_info", json!({})).expect("info"),
        Value::Null
    );
    let failure = call(&h, "open_failure", json!({})).expect("failure");
    assert_eq!(failure["can_recover"], true);
    assert_eq!(failure["can_open_read_only"], false);
    let backups = failure["backups"].as_array().expect("backups").clone();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0]["taken_at"], "2026-11-20T09:00:00");
    assert_eq!(
        call(&h, "open_read_only", json!({})).expect_err("no")["kind"],
        "not_allowed"
    );

    // "Make a copy…": the dialog is answered in tests/commands.rs only by the one test
    // that sets RAPPORT_TEST_SAVE_DIR, so this calls what the command calls after it.
    let state = h._app.state::<rapport_desktop::state::AppState>();
    let rescue = h._dir.path().join("rescue.rapport");
    tauri::async_runtime::block_on(state.copy_failed_file(rescue.clone())).expect("copy");
    assert_eq!(std::fs::read(&rescue).expect("copy"), damaged);
    assert_eq!(std::fs::read(&h.path).expect("original"), damaged);

    let err = call(&h, "restore_failed_file", json!({ "path": "/etc/passwd" })).expect_err("no");
    assert_eq!(err["kind"], "not_allowed");
    let recovered = call(
        &h,
        "restore_failed_file",
        json!({ "path": backups[0]["path"] }),
    )
    .expect("restored");
    assert_eq!(recovered["workspace"]["file_name"], "ipc.rapport");
    let kept = std::path::PathBuf::from(recovered["damaged_copy"].as_str().expect("kept"));
    assert_eq!(kept.parent(), h.path.parent());
    assert_eq!(
        std::fs::read(&kept).expect("kept"),
        damaged,
        "the damaged file is kept"
    );
    assert!(account_names(&h).contains(&"Northwind Telecom".to_string()));
    assert_eq!(
        call(&h, "open_failure", json!({})).expect("none"),
        Value::Null
    );
    create(&h, "create_account", account("Writable again"));
}

#[test]
fn a_full_disk_refuses_the_action_with_disk_full_and_the_store_keeps_the_old_content() {
    use tauri::Manager;
    assert_eq!(
        rapport_desktop::state::test_max_pages(Some(" 40 ")),
        Some(40)
    );
    assert_eq!(rapport_desktop::state::test_max_pages(Some("0")), None);
    assert_eq!(rapport_desktop::state::test_max_pages(Some("many")), None);
    assert_eq!(rapport_desktop::state::test_max_pages(None), None);

    let h = harness();
    let a = create(&h, "create_account", account("Northwind"));
    let state = h._app.state::<rapport_desktop::state::AppState>();
    // The same cap RAPPORT_TEST_MAX_PAGES applies after open: the file as it is now.
    tauri::async_runtime::block_on(state.set_max_pages_for_tests(Some(1))).expect("cap");
    let mut saved = Vec::new();
    let err = loop {
        let before = call(&h, "get_account", json!({ "id": a })).expect("detail");
        let history = call(&h, "history_state", json!({})).expect("history");
        let mut p = person(a, &format!("Person {}", saved.len()), 3);
        p["notes"] = json!("x".repeat(6000));
        match call(&h, "create_stakeholder", json!({ "fields": p })) {
            Ok(id) => saved.push(id),
            Err(err) => {
                // What the store holds is exactly what it held before the refused action.
                assert_eq!(
                    call(&h, "get_account", json!({ "id": a })).expect("detail"),
                    before
                );
                assert_eq!(
                    call(&h, "history_state", json!({})).expect("history"),
                    history
                );
                break err;
            }
        }
        assert!(saved.len() < 50, "the capped file never filled up");
    };
    assert_eq!(err["kind"], "disk_full", "{err}");
    assert!(
        err["message"].as_str().unwrap_or("").contains("full"),
        "{err}"
    );
    let detail = call(&h, "get_account", json!({ "id": a })).expect("detail");
    assert_eq!(
        detail["stakeholders"].as_array().map(Vec::len),
        Some(saved.len())
    );
    // Undo frees no pages it needs; with the cap lifted, the refused action succeeds.
    tauri::async_runtime::block_on(state.set_max_pages_for_tests(None)).expect("lift");
    let mut p = person(a, "After", 3);
    p["notes"] = json!("x".repeat(6000));
    call(&h, "create_stakeholder", json!({ "fields": p })).expect("saved once there is room");
}

#[test]
fn factors_are_created_weighted_and_deleted_through_ipc_and_undo_brings_scores_back() {
    let h = harness();
    let factors = call(&h, "list_factors", json!({})).expect("factors");
    let count = factors.as_array().map(Vec::len).expect("list");
    let first = factors[0].clone();
    let id = create(
        &h,
        "create_factor",
        json!({ "axis": "attractiveness", "name": "Innovation <b>", "weight": 2.5 }),
    );
    let listed = call(&h, "list_factors", json!({})).expect("factors");
    let created = listed
        .as_array()
        .expect("list")
        .iter()
        .find(|f| f["id"] == id)
        .expect("listed")
        .clone();
    assert_eq!(
        created["fields"],
        json!({ "axis": "attractiveness", "name": "Innovation <b>", "weight": 2.5 })
    );
    let history = call(&h, "history_state", json!({})).expect("history");
    assert_eq!(
        history["undo_label"],
        json!({ "verb": "create", "entity": "factor", "name": "Innovation <b>" })
    );

    // An account scored on the new factor; deleting the factor removes the score.
    let mut fields = account("Northwind");
    fields["factor_scores"] = json!([{ "factor_id": id, "score": 5 }]);
    let a = create(&h, "create_account", fields);
    let scores = |h: &common::Harness| {
        call(h, "get_account", json!({ "id": a })).expect("detail")["account"]["fields"]
            ["factor_scores"]
            .clone()
    };
    assert_eq!(scores(&h), json!([{ "factor_id": id, "score": 5 }]));

    call(
        &h,
        "update_factor",
        json!({ "id": id, "fields": { "axis": "attractiveness", "name": "Innovation", "weight": 7.0 } }),
    )
    .expect("update");
    let listed = call(&h, "list_factors", json!({})).expect("factors");
    assert!(listed
        .as_array()
        .expect("list")
        .iter()
        .any(|f| f["id"] == id && f["fields"]["weight"] == 7.0));

    // Refusals are typed, per field, and write nothing.
    let before = call(&h, "list_factors", json!({})).expect("factors");
    for (fields, field, code) in [
        (
            json!({ "axis": "attractiveness", "name": "X", "weight": 0.0 }),
            "weight",
            "out_of_range",
        ),
        (
            json!({ "axis": "attractiveness", "name": " ", "weight": 1.0 }),
            "name",
            "required",
        ),
        (
            json!({ "axis": first["fields"]["axis"], "name": first["fields"]["name"], "weight": 1.0 }),
            "name",
            "duplicate",
        ),
    ] {
        let err =
            call(&h, "update_factor", json!({ "id": id, "fields": fields })).expect_err("refused");
        assert_eq!(err["kind"], "validation");
        assert_eq!(err["fields"][0]["field"], field);
        assert_eq!(err["fields"][0]["code"], code);
    }
    let err = call(
        &h,
        "create_factor",
        json!({ "fields": { "axis": "relationship", "name": "Y", "weight": 101.0 } }),
    )
    .expect_err("refused");
    assert_eq!(err["fields"][0]["max"], 100.0);
    assert_eq!(
        call(&h, "list_factors", json!({})).expect("factors"),
        before
    );

    call(&h, "delete_factor", json!({ "id": id })).expect("delete");
    assert_eq!(scores(&h), json!([]));
    assert_eq!(
        call(&h, "list_factors", json!({}))
            .expect("factors")
            .as_array()
            .map(Vec::len),
        Some(count)
    );
    call(&h, "undo", json!({})).expect("undo");
    assert_eq!(scores(&h), json!([{ "factor_id": id, "score": 5 }]));
    assert_eq!(
        call(&h, "list_factors", json!({})).expect("factors"),
        before
    );
    let err = call(&h, "delete_factor", json!({ "id": 9_999_999 })).expect_err("missing");
    assert_eq!(err["kind"], "missing_row");
}
