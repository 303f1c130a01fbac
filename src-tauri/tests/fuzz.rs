//! Command fuzzing: every command that takes arguments is called through the real IPC
//! (Tauri's mock runtime) with thousands of seeded garbage and almost-valid arguments
//! on the demo workspace. Each call must come back (no panic, no hang) with either a
//! result or a typed error, and the workspace must read back exactly as before.
//!
//! Arguments are generated so that no call can be valid: ids that cannot exist,
//! values of the wrong type, and complete field objects with exactly one field broken.
//! Read-only commands may answer normally; nothing may change.
//!
//! The map's commands get the demo's first account half the time, with positions and
//! selections that are complete but certainly refused (a coordinate out of range,
//! another account's person, an id twice, …). `export_file` runs with the save
//! dialog's test seam pointed at an empty folder (a dialog would block the test); no
//! garbage is a valid PNG or SVG, so the folder must stay empty.
//!
//! `RAPPORT_FUZZ_CALLS=N` sets the calls per command (default 150).

mod common;

use common::{call, harness_with, Harness};
use serde_json::{json, Map, Value};

/// SplitMix64, so a failure names a seed that reproduces it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

/// Any JSON value, nested a little.
fn garbage(rng: &mut Rng, depth: u32) -> Value {
    let long = "x".repeat(100_000);
    match rng.below(if depth > 2 { 8 } else { 10 }) {
        0 => Value::Null,
        1 => json!(rng.next().is_multiple_of(2)),
        2 => json!(rng.pick(&[
            0i64,
            -1,
            -9_999_999,
            i64::MAX,
            i64::MIN,
            9_007_199_254_740_993
        ])),
        3 => json!(rng.pick(&[1.5f64, -0.0, 1e300, -1e-300, 0.1])),
        4 => json!(rng.pick(&[
            "",
            " ",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE accounts; --",
            "\u{202e}evil",
            "../../etc/passwd",
            "null",
            "9999999999999999999999",
            long.as_str(),
        ])),
        5 => json!("\u{0}\u{1}\u{ffff}"),
        6 => json!([]),
        7 => json!({}),
        8 => Value::Array((0..rng.below(4)).map(|_| garbage(rng, depth + 1)).collect()),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.below(4) {
                let key = rng.pick(&["id", "name", "fields", "kind", "account_id", "x"]);
                m.insert(key.to_string(), garbage(rng, depth + 1));
            }
            Value::Object(m)
        }
    }
}

/// An id no row can have (rowids are positive and the demo's are small).
fn bad_id(rng: &mut Rng) -> Value {
    rng.pick(&[
        json!(0),
        json!(-1),
        json!(-42),
        json!(9_000_000_000_000i64),
        json!(1.5),
        json!("1"),
        Value::Null,
        json!([1]),
        json!({ "id": 1 }),
    ])
}

/// A valid field object of each kind, for the demo's first account (ids from the demo).
fn valid_fields(kind: &str, ids: &DemoIds) -> Value {
    let a = ids.account;
    match kind {
        "account" => json!({
            "name": "Fuzz", "industry": "", "region": "", "tier": "key",
            "annual_revenue": 1.0, "annual_margin": 1.0, "factor_scores": [],
            "clv": { "retention": 0.8, "discount_rate": 0.1, "horizon_years": 10, "acquisition_cost": 0.0 },
            "notes": ""
        }),
        "org_unit" => json!({ "account_id": a, "name": "Unit", "parent_id": null }),
        "stakeholder" => json!({
            "account_id": a, "name": "P", "title": "", "org_unit_id": null, "reports_to": null,
            "dotted_to": null, "roles": [], "economic_buyer": false, "coach": false,
            "attitude": "unknown", "power": 3, "interest": 3, "org_needs": "",
            "personal_wins": "", "last_contact": null, "notes": "", "placeholder": false
        }),
        "influence" => json!({
            "account_id": a, "from_id": ids.people[0], "to_id": ids.people[1],
            "strength": 3, "kind": "informal", "note": ""
        }),
        "team_member" => json!({ "name": "T", "role": "other" }),
        "factor" => json!({ "axis": "relationship", "name": "F", "weight": 1.0 }),
        "coverage" => json!({
            "team_member_id": ids.member, "stakeholder_id": ids.people[0], "strength": 3,
            "last_contact": null, "note": ""
        }),
        "interaction" => json!({
            "account_id": a, "date": "2026-01-01", "kind": "call", "stakeholder_ids": [],
            "team_member_ids": [], "summary": "", "sentiment": "neutral"
        }),
        "stage_change" => {
            json!({ "account_id": a, "date": "2026-01-01", "stage": "basic", "evidence": "" })
        }
        _ => json!({}),
    }
}

/// For each entity, values that make one field certainly invalid.
fn invalid_values(kind: &str) -> Vec<(&'static str, Value)> {
    let long = json!("x".repeat(20_001));
    let name_long = json!("n".repeat(201));
    let nowhere = json!(9_000_000_000i64);
    match kind {
        "account" => vec![
            ("name", json!("")),
            ("name", json!("   ")),
            ("name", name_long),
            ("industry", json!("i".repeat(201))),
            ("tier", json!("platinum")),
            ("annual_revenue", json!(1e16)),
            ("annual_margin", json!("3")),
            (
                "factor_scores",
                json!([{ "factor_id": 999_999, "score": 3 }]),
            ),
            ("factor_scores", json!([{ "factor_id": 1, "score": 9 }])),
            (
                "clv",
                json!({ "retention": 2.0, "discount_rate": 0.1, "horizon_years": 10, "acquisition_cost": 0.0 }),
            ),
            (
                "clv",
                json!({ "retention": 0.8, "discount_rate": 0.1, "horizon_years": 0, "acquisition_cost": 0.0 }),
            ),
            ("notes", long),
        ],
        "org_unit" => vec![
            ("account_id", nowhere.clone()),
            ("name", json!("")),
            ("parent_id", nowhere),
        ],
        "stakeholder" => vec![
            ("account_id", nowhere.clone()),
            ("name", json!("")),
            ("title", name_long),
            ("power", json!(0)),
            ("power", json!(6)),
            ("power", json!(256)),
            ("interest", json!(-1)),
            ("attitude", json!("hostile")),
            ("roles", json!(["king"])),
            ("roles", json!(["user", "user"])),
            ("reports_to", nowhere.clone()),
            ("org_unit_id", nowhere),
            ("last_contact", json!("2026-02-30")),
            ("notes", long),
        ],
        "influence" => vec![
            ("account_id", nowhere.clone()),
            ("from_id", nowhere.clone()),
            ("to_id", nowhere),
            ("strength", json!(0)),
            ("strength", json!(6)),
            ("kind", json!("enemy")),
            ("note", long),
        ],
        "team_member" => vec![("name", json!("")), ("role", json!("ceo"))],
        "factor" => vec![
            ("name", json!("")),
            ("name", json!("   ")),
            ("name", name_long),
            ("axis", json!("charisma")),
            ("weight", json!(0.0)),
            ("weight", json!(-1.0)),
            ("weight", json!(100.5)),
            ("weight", json!(1e300)),
            ("weight", json!("3")),
        ],
        "coverage" => vec![
            ("team_member_id", nowhere.clone()),
            ("stakeholder_id", nowhere),
            ("strength", json!(0)),
            ("last_contact", json!("soon")),
        ],
        "interaction" => vec![
            ("account_id", nowhere.clone()),
            ("date", json!("2026-13-01")),
            ("kind", json!("party")),
            ("stakeholder_ids", json!([9_000_000_000i64])),
            ("team_member_ids", json!([nowhere])),
            ("sentiment", json!("ecstatic")),
        ],
        "stage_change" => vec![
            ("account_id", nowhere),
            ("date", json!("")),
            ("stage", json!("married")),
            ("evidence", long),
        ],
        _ => Vec::new(),
    }
}

/// Valid fields with exactly one field made invalid (or one required field missing).
fn almost_valid(rng: &mut Rng, kind: &str, ids: &DemoIds) -> Value {
    let mut fields = valid_fields(kind, ids);
    let Some(map) = fields.as_object_mut() else {
        return fields;
    };
    let choices = invalid_values(kind);
    if rng.below(6) == 0 {
        // Optional fields (null here) and `clv` (it has a default) may be left out;
        // every other field is required.
        let keys: Vec<String> = map
            .iter()
            .filter(|(k, v)| *k != "clv" && !v.is_null())
            .map(|(k, _)| k.clone())
            .collect();
        let key = rng.pick(&keys);
        map.remove(&key);
    } else if !choices.is_empty() {
        let (key, value) = rng.pick(&choices);
        map.insert(key.to_string(), value);
    }
    fields
}

struct DemoIds {
    account: i64,
    people: Vec<i64>,
    member: i64,
    /// A stakeholder of the demo's second account.
    foreign_person: i64,
    /// An influence tie of the demo's second account.
    foreign_tie: i64,
}

/// Map positions for the demo's first account with one thing certainly wrong.
fn almost_valid_positions(rng: &mut Rng, ids: &DemoIds) -> Value {
    let node = |kind: &str, id: i64| json!({ "kind": kind, "id": id });
    let mut positions: Vec<Value> = ids
        .people
        .iter()
        .take(3)
        .map(|&p| json!({ "node": node("stakeholder", p), "x": 10.0, "y": -20.0 }))
        .collect();
    let broken = match rng.below(9) {
        0 => json!({ "node": node("stakeholder", ids.people[0]), "x": 1.0, "y": 1.0 }),
        1 => json!({ "node": node("stakeholder", ids.foreign_person), "x": 1.0, "y": 1.0 }),
        2 => json!({ "node": node("team_member", 9_000_000_000i64), "x": 1.0, "y": 1.0 }),
        3 => json!({ "node": node("stakeholder", 9_000_000_000i64), "x": 1.0, "y": 1.0 }),
        4 => json!({ "node": node("team_member", ids.member), "x": 1e7 + 1.0, "y": 0.0 }),
        5 => json!({ "node": node("team_member", ids.member), "x": 0.0, "y": -1e300 }),
        6 => json!({ "node": node("team_member", ids.member), "x": "1", "y": 0.0 }),
        7 => json!({ "node": node("ghost", ids.member), "x": 0.0, "y": 0.0 }),
        _ => json!({ "node": node("team_member", ids.member), "x": 0.0 }),
    };
    let at = rng.below(positions.len() + 1);
    positions.insert(at, broken);
    Value::Array(positions)
}

/// A selection in the demo's first account with one thing certainly wrong.
fn almost_valid_selection(rng: &mut Rng, ids: &DemoIds) -> Value {
    let people = &ids.people[..2];
    match rng.below(6) {
        0 => json!({ "stakeholders": [], "influences": [], "coverage": [] }),
        1 => {
            json!({ "stakeholders": [people[0], ids.foreign_person], "influences": [], "coverage": [] })
        }
        2 => json!({ "stakeholders": people, "influences": [ids.foreign_tie], "coverage": [] }),
        3 => json!({ "stakeholders": [people[0], people[0]], "influences": [], "coverage": [] }),
        4 => json!({ "stakeholders": people, "influences": [], "coverage": [9_000_000_000i64] }),
        _ => json!({ "stakeholders": people, "coverage": [] }),
    }
}

/// The commands, how to generate each argument, and which entity their `fields` are.
/// Dialog commands (new/open/save copy) take no arguments and
/// would block on a native dialog, and undo/redo are valid whenever history exists,
/// so neither belongs here. `export_file` does: its arguments are checked before its
/// dialog, which the test seam answers anyway.
fn commands() -> Vec<(&'static str, Vec<&'static str>, &'static str)> {
    let mut list = vec![
        // Commands without arguments get garbage bodies, which they must ignore.
        ("workspace_info", vec![], ""),
        ("take_startup_error", vec![], ""),
        ("list_recent_files", vec![], ""),
        ("get_preferences", vec![], ""),
        ("list_accounts", vec![], ""),
        ("list_team_members", vec![], ""),
        ("list_factors", vec![], ""),
        ("analyze_portfolio", vec![], ""),
        ("history_state", vec![], ""),
        ("open_recent", vec!["path"], ""),
        ("set_preferences", vec!["preferences"], ""),
        ("get_account", vec!["id"], ""),
        ("analyze_account", vec!["accountId"], ""),
        ("introduction_paths", vec!["accountId", "targetId", "k"], ""),
        ("what_if", vec!["accountId", "removal"], ""),
        ("stage_analytics", vec!["accountId"], ""),
        // The workspace over time: read-only; dates are garbage or almost valid.
        ("history_span", vec![], ""),
        ("account_as_of", vec!["accountId", "date"], ""),
        ("analyze_portfolio_as_of", vec!["date"], ""),
        ("compare_account", vec!["accountId", "from", "to"], ""),
        ("portfolio_timeline", vec!["from", "to"], ""),
        ("portfolio_trails", vec!["quarters"], ""),
        ("portfolio_stages", vec!["date"], ""),
        ("map_positions", vec!["accountId", "layout"], "map"),
        (
            "save_map_positions",
            vec!["accountId", "layout", "positions"],
            "map",
        ),
        ("reset_map_positions", vec!["accountId", "layout"], "map"),
        ("delete_elements", vec!["accountId", "selection"], "map"),
        ("export_file", vec!["format", "suggestedName", "data"], ""),
        // Backups and recovery: only paths the backend listed are accepted, and with no
        // refused file the open-time choices (copy_failed_file included: it refuses
        // before its dialog) have nothing to act on.
        ("list_backups", vec![], ""),
        ("open_failure", vec![], ""),
        ("restore_backup", vec!["path"], ""),
        ("open_read_only", vec![], ""),
        ("restore_failed_file", vec!["path"], ""),
        ("copy_failed_file", vec![], ""),
    ];
    for kind in [
        "account",
        "org_unit",
        "stakeholder",
        "influence",
        "team_member",
        "factor",
        "coverage",
        "interaction",
        "stage_change",
    ] {
        let create: &'static str = Box::leak(format!("create_{kind}").into_boxed_str());
        let update: &'static str = Box::leak(format!("update_{kind}").into_boxed_str());
        let delete: &'static str = Box::leak(format!("delete_{kind}").into_boxed_str());
        list.push((create, vec!["fields"], kind));
        list.push((update, vec!["id", "fields"], kind));
        list.push((delete, vec!["id"], kind));
    }
    list
}

/// Everything the workspace holds, as the UI reads it.
fn snapshot(h: &Harness) -> Value {
    let accounts = call(h, "list_accounts", json!({})).expect("accounts");
    let details: Vec<Value> = accounts
        .as_array()
        .map(|list| {
            list.iter()
                .map(|a| {
                    let maps: Vec<Value> = ["org_chart", "network"]
                        .iter()
                        .map(|layout| {
                            call(
                                h,
                                "map_positions",
                                json!({ "accountId": a["id"], "layout": layout }),
                            )
                            .expect("positions")
                        })
                        .collect();
                    json!({
                        "detail": call(h, "get_account", json!({ "id": a["id"] })).expect("detail"),
                        "maps": maps,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    json!({
        "accounts": accounts,
        "details": details,
        "team": call(h, "list_team_members", json!({})).expect("team"),
        "factors": call(h, "list_factors", json!({})).expect("factors"),
        "history": call(h, "history_state", json!({})).expect("history"),
    })
}

/// The first 300 characters of a JSON value, for failure messages.
fn short(v: &Value) -> String {
    v.to_string().chars().take(300).collect()
}

/// A typed error: our `{ kind, message, fields }`, or Tauri's own refusal of arguments
/// that do not deserialise (before any Rapport code runs).
fn is_typed_error(e: &Value) -> bool {
    match e {
        Value::Object(m) => {
            m.get("kind").is_some_and(Value::is_string)
                && m.get("message").is_some_and(Value::is_string)
                && m.get("fields").is_some_and(Value::is_array)
        }
        Value::String(s) => s.starts_with("invalid args") || s.contains("missing required key"),
        _ => false,
    }
}

#[test]
fn garbage_arguments_give_typed_errors_and_change_nothing() {
    let h = harness_with(|path| {
        let mut ws = rapport_store::Workspace::create(path).expect("create");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        rapport_store::demo::write_demo(&mut ws, today).expect("demo");
    });
    let saves = tempfile::tempdir().expect("save dir");
    std::env::set_var("RAPPORT_TEST_SAVE_DIR", saves.path());
    let before = snapshot(&h);
    let first = &before["details"][0]["detail"];
    let second = &before["details"][1]["detail"];
    let ids = DemoIds {
        account: first["account"]["id"].as_i64().expect("account id"),
        people: first["stakeholders"]
            .as_array()
            .expect("people")
            .iter()
            .filter_map(|s| s["id"].as_i64())
            .collect(),
        member: before["team"][0]["id"].as_i64().expect("member id"),
        foreign_person: second["stakeholders"][0]["id"]
            .as_i64()
            .expect("second account's person"),
        foreign_tie: second["influences"][0]["id"]
            .as_i64()
            .expect("second account's tie"),
    };
    let per_command: usize = std::env::var("RAPPORT_FUZZ_CALLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    let mut rng = Rng(0x5241_5050);
    let (mut calls, mut refused, mut answered) = (0usize, 0usize, 0usize);
    let list = commands();
    for (cmd, args, kind) in &list {
        for i in 0..per_command {
            let mut body = Map::new();
            for &arg in args {
                let value = match arg {
                    "accountId" if *kind == "map" && i.is_multiple_of(2) => json!(ids.account),
                    "id" | "accountId" | "targetId" => bad_id(&mut rng),
                    "layout" if i.is_multiple_of(3) => garbage(&mut rng, 0),
                    "layout" => rng.pick(&[json!("org_chart"), json!("network")]),
                    "positions" if i.is_multiple_of(2) => almost_valid_positions(&mut rng, &ids),
                    "selection" if i.is_multiple_of(2) => almost_valid_selection(&mut rng, &ids),
                    "format" => {
                        let other = garbage(&mut rng, 0);
                        rng.pick(&[json!("png"), json!("svg"), other])
                    }
                    "data" if i.is_multiple_of(2) => rng.pick(&[
                        json!("R0lGODlh"),
                        json!("data:image/png;base64,iVBORw0KGgo="),
                        json!("<svg>"),
                        json!("<html><svg/></html>"),
                        json!("<!DOCTYPE svg [<!ENTITY x \"x\">]><svg>&x;</svg>"),
                    ]),
                    "fields" if i.is_multiple_of(2) => almost_valid(&mut rng, kind, &ids),
                    "k" => rng.pick(&[json!(0), json!(21), json!(-1), json!(1e9), json!("3")]),
                    "quarters" => {
                        rng.pick(&[json!(0), json!(41), json!(-1), json!(1e9), json!("4")])
                    }
                    "date" | "from" | "to" if i.is_multiple_of(2) => rng.pick(&[
                        json!("2026-02-30"),
                        json!("2026-13-01"),
                        json!("9999-12-31"),
                        json!("2026-1-01"),
                        json!(" 2026-01-01"),
                        json!("2026-01-01T00:00:00Z"),
                        json!("+02026-01-01"),
                        json!(20260101),
                    ]),
                    _ => garbage(&mut rng, 0),
                };
                // Now and then leave an argument out.
                if rng.below(12) != 0 {
                    body.insert(arg.to_string(), value);
                }
            }
            let args_json = if args.is_empty() || rng.below(20) == 0 {
                garbage(&mut rng, 0)
            } else {
                Value::Object(body)
            };
            calls += 1;
            match call(&h, cmd, args_json.clone()) {
                Ok(_) => answered += 1,
                Err(e) => {
                    assert!(
                        is_typed_error(&e),
                        "{cmd} #{i}: untyped error {e} for {}",
                        short(&args_json)
                    );
                    refused += 1;
                }
            }
            // Every write adds an undo step: a cheap check after each call.
            let history = call(&h, "history_state", json!({})).expect("history");
            assert!(
                history == before["history"],
                "{cmd} #{i} wrote to the workspace with {}",
                short(&args_json)
            );
        }
        // The full comparison once per command.
        assert!(snapshot(&h) == before, "{cmd} changed the workspace");
    }
    let exported: Vec<_> = std::fs::read_dir(saves.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(exported.is_empty(), "export_file wrote {exported:?}");
    println!(
        "fuzz: {} commands, {calls} calls, {refused} typed errors, {answered} answered, workspace unchanged",
        list.len()
    );
}
