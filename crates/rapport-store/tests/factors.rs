//! The workspace's portfolio factors edited from the settings: create, update and delete
//! are one undoable action each; refused input changes nothing; deleting a factor
//! removes the accounts' scores on it and undo brings them back; the weights move the
//! nine-box axis scores.

mod common;

use chrono::NaiveDate;
use common::*;
use rapport_core::analysis::analyze_portfolio;
use rapport_core::*;
use rapport_store::{EntityKind, StoreError, Verb, Workspace};

fn factor(axis: FactorAxis, name: &str, weight: f64) -> FactorFields {
    FactorFields {
        axis,
        name: name.into(),
        weight,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 16).expect("date")
}

/// Everything a factor edit can touch: the factors and every account's scores.
fn snapshot(ws: &Workspace) -> (Vec<Factor>, Vec<Vec<FactorScore>>) {
    let scores = ws
        .all_account_details()
        .expect("details")
        .into_iter()
        .map(|d| d.account.fields.factor_scores)
        .collect();
    (ws.list_factors().expect("factors"), scores)
}

/// The attractiveness score of the first account in the portfolio analysis.
fn attractiveness(ws: &Workspace) -> f64 {
    let details = ws.all_account_details().expect("details");
    let team = ws.list_team_members().expect("team");
    let factors = ws.list_factors().expect("factors");
    analyze_portfolio(&details, &team, &factors, today()).accounts[0]
        .attractiveness
        .expect("rated")
}

#[test]
fn create_update_delete_are_one_undoable_action_each() {
    let mut t = temp_workspace();
    let ws = &mut t.ws;
    let before = ws.list_factors().expect("factors");
    assert_eq!(before.len(), 8, "a new workspace has the default factors");

    let id = ws
        .create_factor(&factor(FactorAxis::Relationship, "  Trust 信任  ", 4.5))
        .expect("create");
    let created = ws
        .list_factors()
        .expect("factors")
        .into_iter()
        .find(|f| f.id == id)
        .expect("listed");
    assert_eq!(created.fields.name, "Trust 信任", "trimmed");
    assert_eq!(created.fields.weight, 4.5);
    assert_eq!(created.fields.axis, FactorAxis::Relationship);
    let label = ws
        .history_state()
        .expect("history")
        .undo_label
        .expect("label");
    assert_eq!(
        (label.verb, label.entity, label.name.as_str()),
        (Verb::Create, EntityKind::Factor, "Trust 信任")
    );

    ws.update_factor(id, &factor(FactorAxis::Relationship, "Trust", 100.0))
        .expect("update");
    let after_update = ws.list_factors().expect("factors");
    let f = after_update.iter().find(|f| f.id == id).expect("listed");
    assert_eq!((f.fields.name.as_str(), f.fields.weight), ("Trust", 100.0));
    let label = ws
        .history_state()
        .expect("history")
        .undo_label
        .expect("label");
    assert_eq!(
        (label.verb, label.entity),
        (Verb::Update, EntityKind::Factor)
    );

    ws.delete_factor(id).expect("delete");
    assert_eq!(ws.list_factors().expect("factors"), before);
    let label = ws
        .history_state()
        .expect("history")
        .undo_label
        .expect("label");
    assert_eq!(
        (label.verb, label.entity, label.name.as_str()),
        (Verb::Delete, EntityKind::Factor, "Trust")
    );

    ws.undo().expect("undo delete");
    assert_eq!(ws.list_factors().expect("factors"), after_update);
    ws.undo().expect("undo update");
    let f = ws.list_factors().expect("factors");
    let f = f.iter().find(|f| f.id == id).expect("listed");
    assert_eq!(
        (f.fields.name.as_str(), f.fields.weight),
        ("Trust 信任", 4.5)
    );
    ws.undo().expect("undo create");
    assert_eq!(ws.list_factors().expect("factors"), before);

    ws.redo().expect("redo create");
    ws.redo().expect("redo update");
    assert_eq!(ws.list_factors().expect("factors"), after_update);
    ws.redo().expect("redo delete");
    assert_eq!(ws.list_factors().expect("factors"), before);
}

#[test]
fn bad_input_is_refused_per_field_and_changes_nothing() {
    let mut t = temp_workspace();
    let ws = &mut t.ws;
    let existing = ws.list_factors().expect("factors")[0].clone();
    let id = existing.id;
    let before = snapshot(ws);
    let history = ws.history_state().expect("history");
    let axis = existing.fields.axis;

    let cases: Vec<(FactorFields, &str, FieldErrorCode)> = vec![
        (factor(axis, "", 1.0), "name", FieldErrorCode::Required),
        (factor(axis, "   ", 1.0), "name", FieldErrorCode::Required),
        (
            factor(axis, &"n".repeat(201), 1.0),
            "name",
            FieldErrorCode::TooLong,
        ),
        (factor(axis, "W", 0.0), "weight", FieldErrorCode::OutOfRange),
        (
            factor(axis, "W", -1.0),
            "weight",
            FieldErrorCode::OutOfRange,
        ),
        (
            factor(axis, "W", 100.5),
            "weight",
            FieldErrorCode::OutOfRange,
        ),
        (
            factor(axis, "W", f64::NAN),
            "weight",
            FieldErrorCode::OutOfRange,
        ),
        (
            factor(axis, "W", f64::INFINITY),
            "weight",
            FieldErrorCode::OutOfRange,
        ),
        (
            // Same axis, same name but for case and spaces.
            factor(
                axis,
                &format!(" {} ", existing.fields.name.to_uppercase()),
                1.0,
            ),
            "name",
            FieldErrorCode::Duplicate,
        ),
    ];
    for (fields, field, code) in &cases {
        let err = ws.create_factor(fields).expect_err("create refused");
        assert_eq!(
            field_codes(err),
            vec![(field.to_string(), *code)],
            "{fields:?}"
        );
    }
    // Updating another factor to the first one's name is refused too.
    let other = ws.list_factors().expect("factors")[1].clone();
    assert_eq!(other.fields.axis, axis);
    let err = ws
        .update_factor(other.id, &factor(axis, &existing.fields.name, 1.0))
        .expect_err("duplicate");
    assert_eq!(
        field_codes(err),
        vec![("name".to_string(), FieldErrorCode::Duplicate)]
    );
    for (fields, field, code) in cases.iter().take(8) {
        let err = ws.update_factor(id, fields).expect_err("update refused");
        assert_eq!(field_codes(err), vec![(field.to_string(), *code)]);
    }
    assert!(matches!(
        ws.update_factor(9_999, &factor(axis, "X", 1.0)),
        Err(StoreError::MissingRow { .. })
    ));
    assert!(matches!(
        ws.delete_factor(9_999),
        Err(StoreError::MissingRow { .. })
    ));
    assert_eq!(snapshot(ws), before);
    assert_eq!(ws.history_state().expect("history"), history);

    // A factor may keep its own name (any case), and the same name is fine on the
    // other axis.
    let renamed = factor(axis, &existing.fields.name.to_lowercase(), 2.0);
    ws.update_factor(id, &renamed).expect("own name");
    let other_axis = match axis {
        FactorAxis::Attractiveness => FactorAxis::Relationship,
        FactorAxis::Relationship => FactorAxis::Attractiveness,
    };
    ws.create_factor(&factor(other_axis, &existing.fields.name, 1.0))
        .expect("other axis");
}

#[test]
fn deleting_a_factor_removes_its_scores_and_undo_restores_them() {
    let mut t = temp_workspace();
    let ws = &mut t.ws;
    let factors = ws.list_factors().expect("factors");
    let target = factors[0].id;
    let scores: Vec<FactorScore> = factors
        .iter()
        .map(|f| FactorScore {
            factor_id: f.id,
            score: 4,
        })
        .collect();
    let mut a = account("Northwind");
    a.factor_scores = scores.clone();
    let a = ws.create_account(&a).expect("account");
    let mut b = account("Contoso");
    b.factor_scores = scores;
    ws.create_account(&b).expect("account");
    let before = snapshot(ws);

    ws.delete_factor(target).expect("delete");
    let (_, after) = snapshot(ws);
    assert!(after
        .iter()
        .all(|s| s.len() == factors.len() - 1 && s.iter().all(|x| x.factor_id != target)));

    ws.undo().expect("undo");
    assert_eq!(snapshot(ws), before);
    let detail = ws.account_detail(a).expect("detail");
    assert!(detail
        .account
        .fields
        .factor_scores
        .iter()
        .any(|s| s.factor_id == target && s.score == 4));

    ws.redo().expect("redo");
    assert_eq!(snapshot(ws).1, after);
}

#[test]
fn the_weights_move_the_nine_box_axis_score() {
    let mut t = temp_workspace();
    let ws = &mut t.ws;
    let attr: Vec<Factor> = ws
        .list_factors()
        .expect("factors")
        .into_iter()
        .filter(|f| f.fields.axis == FactorAxis::Attractiveness)
        .collect();
    let rel: Vec<Factor> = ws
        .list_factors()
        .expect("factors")
        .into_iter()
        .filter(|f| f.fields.axis == FactorAxis::Relationship)
        .collect();
    // Score 5 on the first attractiveness factor, 1 on the others.
    let mut a = account("Northwind");
    a.factor_scores = attr
        .iter()
        .enumerate()
        .map(|(i, f)| FactorScore {
            factor_id: f.id,
            score: if i == 0 { 5 } else { 1 },
        })
        .chain(rel.iter().map(|f| FactorScore {
            factor_id: f.id,
            score: 3,
        }))
        .collect();
    ws.create_account(&a).expect("account");

    let weight = |fs: &[Factor]| fs.iter().map(|f| f.fields.weight).sum::<f64>();
    let expected = |w0: f64, total: f64| (5.0 * w0 + (total - w0)) / total;
    let total = weight(&attr);
    let before = attractiveness(ws);
    assert!((before - expected(attr[0].fields.weight, total)).abs() < 1e-9);

    let mut heavier = attr[0].fields.clone();
    heavier.weight = 90.0;
    ws.update_factor(attr[0].id, &heavier).expect("update");
    let after = attractiveness(ws);
    let new_total = total - attr[0].fields.weight + 90.0;
    assert!((after - expected(90.0, new_total)).abs() < 1e-9);
    assert!(after > before, "{after} > {before}");

    ws.undo().expect("undo");
    assert!((attractiveness(ws) - before).abs() < 1e-12);
}
