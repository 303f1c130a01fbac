//! Round trips, constraint errors and undo/redo of every entity on a real workspace
//! file, including after closing and reopening it.

mod common;

use common::*;
use rapport_core::*;
use rapport_store::{EntityKind, StoreError, Verb, Workspace};

/// A small but complete account: two units, three people, a tie, a team member with
/// coverage, an interaction and a stage change. Returns the account id.
fn populate(ws: &mut Workspace) -> Id {
    let a = ws.create_account(&account("Northwind")).expect("account");
    let board = ws
        .create_org_unit(&OrgUnitFields {
            account_id: a,
            name: "Board".into(),
            parent_id: None,
        })
        .expect("unit");
    let it = ws
        .create_org_unit(&OrgUnitFields {
            account_id: a,
            name: "IT".into(),
            parent_id: Some(board),
        })
        .expect("unit");
    let mut ceo = stakeholder(a, "Ada CEO");
    ceo.org_unit_id = Some(board);
    ceo.economic_buyer = true;
    let ceo = ws.create_stakeholder(&ceo).expect("ceo");
    let mut cto = stakeholder(a, "李伟");
    cto.org_unit_id = Some(it);
    cto.reports_to = Some(ceo);
    let cto = ws.create_stakeholder(&cto).expect("cto");
    let mut arch = stakeholder(a, "Bo Architect");
    arch.reports_to = Some(cto);
    arch.dotted_to = Some(ceo);
    arch.placeholder = true;
    let arch = ws.create_stakeholder(&arch).expect("arch");
    ws.create_influence(&influence(a, arch, cto)).expect("tie");
    let tm = ws
        .create_team_member(&TeamMemberFields {
            name: "Mei".into(),
            role: TeamRole::AccountLead,
        })
        .expect("team");
    ws.create_coverage(&CoverageFields {
        team_member_id: tm,
        stakeholder_id: arch,
        strength: 4,
        last_contact: None,
        note: String::new(),
    })
    .expect("coverage");
    ws.create_interaction(&InteractionFields {
        account_id: a,
        date: "2026-09-01".into(),
        kind: InteractionKind::Workshop,
        stakeholder_ids: vec![cto, arch],
        team_member_ids: vec![tm],
        summary: "roadmap".into(),
        sentiment: Sentiment::Positive,
    })
    .expect("interaction");
    ws.create_stage_change(&StageChangeFields {
        account_id: a,
        date: "2024-01-01".into(),
        stage: Stage::Basic,
        evidence: "first order".into(),
    })
    .expect("stage");
    a
}

#[test]
fn every_entity_round_trips_through_the_file() {
    let mut t = temp_workspace();
    let a = populate(&mut t.ws);
    let before = t.ws.account_detail(a).expect("detail");
    let team_before = t.ws.list_team_members().expect("team");
    drop(t.ws);

    let ws = Workspace::open(&t.path).expect("reopen");
    let after = ws.account_detail(a).expect("detail");
    assert_eq!(before, after);
    assert_eq!(ws.list_team_members().expect("team"), team_before);
    assert_eq!(after.org_units.len(), 2);
    assert_eq!(after.stakeholders.len(), 3);
    let arch = after
        .stakeholders
        .iter()
        .find(|s| s.fields.name == "Bo Architect")
        .expect("arch");
    assert!(arch.fields.placeholder);
    assert!(arch.fields.dotted_to.is_some());
    assert_eq!(
        arch.fields.roles,
        vec![BuyingRole::User, BuyingRole::Decider]
    );
    assert_eq!(after.interactions[0].fields.stakeholder_ids.len(), 2);
    assert_eq!(after.account.fields.annual_margin, 0.1 + 0.2);
    let summary = ws.list_accounts().expect("list");
    assert_eq!(summary.len(), 1);
    assert_eq!(summary[0].stakeholder_count, 3);
    assert_eq!(summary[0].stage, Some(Stage::Basic));
}

#[test]
fn invalid_input_is_refused_with_a_field_error_and_writes_nothing() {
    let mut t = temp_workspace();
    let a = populate(&mut t.ws);
    let other = t.ws.create_account(&account("Other")).expect("other");
    let stranger =
        t.ws.create_stakeholder(&stakeholder(other, "Stranger"))
            .expect("stranger");
    let detail = t.ws.account_detail(a).expect("detail");
    let ceo = detail
        .stakeholders
        .iter()
        .find(|s| s.fields.name == "Ada CEO")
        .expect("ceo")
        .clone();
    let cto = detail
        .stakeholders
        .iter()
        .find(|s| s.fields.name == "李伟")
        .expect("cto")
        .clone();
    let history = t.ws.history_state().expect("history");

    let cases: Vec<(&str, StoreError, (&str, FieldErrorCode))> = vec![
        (
            "power out of range",
            t.ws.create_stakeholder(&StakeholderFields {
                power: 6,
                ..stakeholder(a, "X")
            })
            .expect_err("power"),
            ("power", FieldErrorCode::OutOfRange),
        ),
        (
            "second economic buyer",
            t.ws.create_stakeholder(&StakeholderFields {
                economic_buyer: true,
                ..stakeholder(a, "X")
            })
            .expect_err("eb"),
            ("economic_buyer", FieldErrorCode::Conflict),
        ),
        (
            "reporting loop",
            t.ws.update_stakeholder(
                ceo.id,
                &StakeholderFields {
                    reports_to: Some(cto.id),
                    ..ceo.fields.clone()
                },
            )
            .expect_err("cycle"),
            ("reports_to", FieldErrorCode::Cycle),
        ),
        (
            "tie across accounts",
            t.ws.create_influence(&influence(a, ceo.id, stranger))
                .expect_err("cross"),
            ("to_id", FieldErrorCode::UnknownReference),
        ),
        (
            "self tie",
            t.ws.create_influence(&influence(a, ceo.id, ceo.id))
                .expect_err("self"),
            ("to_id", FieldErrorCode::SelfReference),
        ),
        (
            "bad date",
            t.ws.create_stage_change(&StageChangeFields {
                account_id: a,
                date: "2024-13-01".into(),
                stage: Stage::Basic,
                evidence: String::new(),
            })
            .expect_err("date"),
            ("date", FieldErrorCode::InvalidDate),
        ),
        (
            "blank account name",
            t.ws.create_account(&account("   ")).expect_err("name"),
            ("name", FieldErrorCode::Required),
        ),
        (
            "unknown unit",
            t.ws.create_org_unit(&OrgUnitFields {
                account_id: a,
                name: "Sub".into(),
                parent_id: Some(9999),
            })
            .expect_err("parent"),
            ("parent_id", FieldErrorCode::UnknownReference),
        ),
    ];
    for (label, err, (field, code)) in cases {
        assert_eq!(field_codes(err), vec![(field.to_string(), code)], "{label}");
    }
    // Nothing changed: same detail, same undo stack.
    assert_eq!(t.ws.account_detail(a).expect("detail"), detail);
    assert_eq!(t.ws.history_state().expect("history"), history);
}

#[test]
fn missing_rows_are_reported_by_entity_and_id() {
    let mut t = temp_workspace();
    let err = t.ws.delete_stakeholder(42).expect_err("missing");
    assert!(
        matches!(
            err,
            StoreError::MissingRow {
                entity: "stakeholder",
                id: 42
            }
        ),
        "{err:?}"
    );
    let err = t.ws.account_detail(7).expect_err("missing");
    assert!(
        matches!(
            err,
            StoreError::MissingRow {
                entity: "account",
                id: 7
            }
        ),
        "{err:?}"
    );
}

/// Each action kind: perform, undo (state equals before), redo (state equals after),
/// and the same after reopening the file between steps.
#[test]
fn undo_and_redo_every_action_kind_across_restarts() {
    type Step = fn(&mut Workspace, Id) -> (EntityKind, Verb);
    let steps: Vec<(&str, Step)> = vec![
        ("update account", |ws, a| {
            let mut f = ws.account_detail(a).expect("d").account.fields;
            f.name = "Northwind Group".into();
            f.annual_revenue = 9.75e6;
            ws.update_account(a, &f).expect("update");
            (EntityKind::Account, Verb::Update)
        }),
        ("create stakeholder", |ws, a| {
            ws.create_stakeholder(&stakeholder(a, "New Person"))
                .expect("create");
            (EntityKind::Stakeholder, Verb::Create)
        }),
        ("edit stakeholder roles and attitude", |ws, a| {
            let s = ws.account_detail(a).expect("d").stakeholders[0].clone();
            let mut f = s.fields;
            f.roles = vec![BuyingRole::Gatekeeper];
            f.attitude = Attitude::Opponent;
            ws.update_stakeholder(s.id, &f).expect("update");
            (EntityKind::Stakeholder, Verb::Update)
        }),
        (
            "delete stakeholder with ties, coverage, reports",
            |ws, a| {
                let d = ws.account_detail(a).expect("d");
                let cto = d
                    .stakeholders
                    .iter()
                    .find(|s| s.fields.name == "李伟")
                    .expect("cto");
                ws.delete_stakeholder(cto.id).expect("delete");
                (EntityKind::Stakeholder, Verb::Delete)
            },
        ),
        ("delete org unit", |ws, a| {
            let d = ws.account_detail(a).expect("d");
            let board = d
                .org_units
                .iter()
                .find(|u| u.fields.name == "Board")
                .expect("board");
            ws.delete_org_unit(board.id).expect("delete");
            (EntityKind::OrgUnit, Verb::Delete)
        }),
        ("update influence", |ws, a| {
            let i = ws.account_detail(a).expect("d").influences[0].clone();
            let mut f = i.fields;
            f.strength = 1;
            f.kind = InfluenceKind::Rival;
            ws.update_influence(i.id, &f).expect("update");
            (EntityKind::Influence, Verb::Update)
        }),
        ("delete coverage", |ws, a| {
            let c = ws.account_detail(a).expect("d").coverage[0].clone();
            ws.delete_coverage(c.id).expect("delete");
            (EntityKind::Coverage, Verb::Delete)
        }),
        ("update interaction participants", |ws, a| {
            let i = ws.account_detail(a).expect("d").interactions[0].clone();
            let mut f = i.fields;
            f.stakeholder_ids.truncate(1);
            f.team_member_ids.clear();
            ws.update_interaction(i.id, &f).expect("update");
            (EntityKind::Interaction, Verb::Update)
        }),
        ("delete team member", |ws, _| {
            let t = ws.list_team_members().expect("t")[0].clone();
            ws.delete_team_member(t.id).expect("delete");
            (EntityKind::TeamMember, Verb::Delete)
        }),
        ("create stage change", |ws, a| {
            ws.create_stage_change(&StageChangeFields {
                account_id: a,
                date: "2025-06-30".into(),
                stage: Stage::Cooperative,
                evidence: "preferred supplier".into(),
            })
            .expect("create");
            (EntityKind::StageChange, Verb::Create)
        }),
        ("delete whole account", |ws, a| {
            ws.delete_account(a).expect("delete");
            (EntityKind::Account, Verb::Delete)
        }),
    ];

    for (label, step) in steps {
        let mut t = temp_workspace();
        let a = populate(&mut t.ws);
        let snapshot = |ws: &Workspace| {
            (
                ws.list_accounts().expect("accounts"),
                ws.account_detail(a).ok(),
                ws.list_team_members().expect("team"),
            )
        };
        let before = snapshot(&t.ws);
        let (entity, verb) = step(&mut t.ws, a);
        let after = snapshot(&t.ws);
        assert_ne!(before, after, "{label}: the step changed nothing");
        let state = t.ws.history_state().expect("state");
        let undo_label = state.undo_label.expect("undo label");
        assert_eq!(
            (undo_label.entity, undo_label.verb),
            (entity, verb),
            "{label}"
        );

        // Restart between every step: history is persisted.
        drop(t.ws);
        let mut ws = Workspace::open(&t.path).expect("reopen");
        ws.undo().expect("undo");
        assert_eq!(snapshot(&ws), before, "{label}: undo");
        drop(ws);
        let mut ws = Workspace::open(&t.path).expect("reopen");
        assert!(ws.history_state().expect("state").can_redo, "{label}");
        ws.redo().expect("redo");
        assert_eq!(snapshot(&ws), after, "{label}: redo");
        ws.undo().expect("undo again");
        assert_eq!(snapshot(&ws), before, "{label}: undo again");
        assert_eq!(ws.integrity_check().expect("check"), "ok", "{label}");
        let fk: i64 = {
            // foreign_key_check returns no rows when every reference is intact.
            let copy = t.dir.path().join("fk.rapport");
            ws.save_copy(&copy).expect("copy");
            let conn = rusqlite::Connection::open(&copy).expect("open copy");
            let mut stmt = conn.prepare("PRAGMA foreign_key_check").expect("prepare");
            let n = stmt.query_map([], |_| Ok(())).expect("query").count();
            n as i64
        };
        assert_eq!(fk, 0, "{label}: dangling references");
    }
}

#[test]
fn undo_walks_back_through_many_actions_and_a_new_action_clears_redo() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("A")).expect("a");
    let p1 = t.ws.create_stakeholder(&stakeholder(a, "P1")).expect("p1");
    let p2 = t.ws.create_stakeholder(&stakeholder(a, "P2")).expect("p2");
    t.ws.create_influence(&influence(a, p1, p2)).expect("tie");
    for _ in 0..3 {
        t.ws.undo().expect("undo");
    }
    assert!(t.ws.account_detail(a).expect("d").stakeholders.is_empty());
    let state = t.ws.redo().expect("redo");
    assert_eq!(state.redo_label.expect("label").name, "P2");
    // A new action drops the redo stack.
    t.ws.create_stakeholder(&stakeholder(a, "P3")).expect("p3");
    assert!(!t.ws.history_state().expect("state").can_redo);
    assert!(matches!(t.ws.redo(), Err(StoreError::NothingTo("redo"))));
    t.ws.undo().expect("undo p3");
    t.ws.undo().expect("undo p1");
    t.ws.undo().expect("undo account");
    assert!(matches!(t.ws.undo(), Err(StoreError::NothingTo("undo"))));
    assert!(t.ws.list_accounts().expect("list").is_empty());
}

#[test]
fn an_edit_that_changes_nothing_adds_no_undo_step() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("A")).expect("a");
    let fields = t.ws.account_detail(a).expect("d").account.fields;
    t.ws.update_account(a, &fields).expect("same");
    let state = t.ws.history_state().expect("state");
    assert_eq!(state.undo_label.expect("label").verb, Verb::Create);
    // Nor does it discard what Redo would bring back.
    let p = t.ws.create_stakeholder(&stakeholder(a, "P")).expect("p");
    t.ws.undo().expect("undo p");
    t.ws.update_account(a, &fields).expect("same again");
    let state = t.ws.history_state().expect("state");
    assert_eq!(state.redo_label.expect("redo").name, "P");
    t.ws.redo().expect("redo p");
    let people = t.ws.account_detail(a).expect("d").stakeholders;
    assert_eq!(people.iter().map(|s| s.id).collect::<Vec<_>>(), vec![p]);
}

#[test]
fn clv_inputs_are_stored_validated_undone_and_survive_a_restart() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("A")).expect("a");
    let detail = t.ws.account_detail(a).expect("d");
    assert_eq!(detail.account.fields.clv, ClvInputs::default(), "defaults");

    let mut fields = detail.account.fields;
    fields.clv = ClvInputs {
        retention: 0.9,
        discount_rate: 0.08,
        horizon_years: 5,
        acquisition_cost: 25_000.0,
    };
    t.ws.update_account(a, &fields).expect("update");
    let path = t.ws.path().to_path_buf();
    drop(std::mem::replace(
        &mut t.ws,
        Workspace::in_memory().expect("mem"),
    ));
    t.ws = Workspace::open(&path).expect("reopen");
    assert_eq!(
        t.ws.account_detail(a).expect("d").account.fields.clv,
        fields.clv
    );

    let mut bad = fields.clone();
    bad.clv.retention = 1.5;
    bad.clv.horizon_years = 0;
    bad.clv.acquisition_cost = -1.0;
    let codes = field_codes(t.ws.update_account(a, &bad).expect_err("refused"));
    let names: Vec<&str> = codes.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        names,
        vec!["clv.retention", "clv.horizon_years", "clv.acquisition_cost"]
    );
    assert_eq!(
        t.ws.account_detail(a).expect("d").account.fields.clv,
        fields.clv
    );

    t.ws.undo().expect("undo");
    assert_eq!(
        t.ws.account_detail(a).expect("d").account.fields.clv,
        ClvInputs::default()
    );
    t.ws.redo().expect("redo");
    assert_eq!(
        t.ws.account_detail(a).expect("d").account.fields.clv,
        fields.clv
    );
    // Deleting the account takes its CLV row along; undo brings both back.
    t.ws.delete_account(a).expect("delete");
    t.ws.undo().expect("undo delete");
    assert_eq!(
        t.ws.account_detail(a).expect("d").account.fields.clv,
        fields.clv
    );
}
