//! The map's writes on a real workspace file: saved node positions per account and
//! layout (round trip, upsert, undo/redo, cascades, refusals) and deleting a
//! multi-selection as one undoable action.

mod common;

use std::time::Instant;

use common::*;
use rapport_core::map::MAX_MAP_ITEMS as MAP_MAX;
use rapport_core::*;
use rapport_store::{ActionLabel, EntityKind, StoreError, Verb, Workspace};

use MapLayout::{Network, OrgChart};
use MapNode::{Stakeholder as S, TeamMember as T};

fn at(node: MapNode, x: f64, y: f64) -> MapPosition {
    MapPosition { node, x, y }
}

/// Northwind with Ada, Bo and Cy, ties Ada → Bo and Bo → Cy, team member Mei covering
/// Ada and Cy; Contoso with Dee (covered by Mei too).
struct Scene {
    a: Id,
    other: Id,
    ada: Id,
    bo: Id,
    cy: Id,
    dee: Id,
    mei: Id,
    ada_bo: Id,
    bo_cy: Id,
    mei_ada: Id,
    mei_cy: Id,
    mei_dee: Id,
}

fn scene(ws: &mut Workspace) -> Scene {
    let a = ws.create_account(&account("Northwind")).expect("account");
    let other = ws.create_account(&account("Contoso")).expect("other");
    let ada = ws.create_stakeholder(&stakeholder(a, "Ada")).expect("ada");
    let bo = ws.create_stakeholder(&stakeholder(a, "Bo")).expect("bo");
    let cy = ws.create_stakeholder(&stakeholder(a, "Cy")).expect("cy");
    let dee = ws
        .create_stakeholder(&stakeholder(other, "Dee"))
        .expect("dee");
    let ada_bo = ws.create_influence(&influence(a, ada, bo)).expect("tie");
    let bo_cy = ws.create_influence(&influence(a, bo, cy)).expect("tie");
    let mei = ws
        .create_team_member(&TeamMemberFields {
            name: "Mei".into(),
            role: TeamRole::AccountLead,
        })
        .expect("mei");
    let cover = |ws: &mut Workspace, s: Id| {
        ws.create_coverage(&CoverageFields {
            team_member_id: mei,
            stakeholder_id: s,
            strength: 3,
            last_contact: None,
            note: String::new(),
        })
        .expect("coverage")
    };
    let mei_ada = cover(ws, ada);
    let mei_cy = cover(ws, cy);
    let mei_dee = cover(ws, dee);
    Scene {
        a,
        other,
        ada,
        bo,
        cy,
        dee,
        mei,
        ada_bo,
        bo_cy,
        mei_ada,
        mei_cy,
        mei_dee,
    }
}

fn undo_label(ws: &Workspace) -> Option<ActionLabel> {
    ws.history_state().expect("history").undo_label
}

#[test]
fn positions_round_trip_per_layout_and_survive_a_restart() {
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    assert!(t.ws.map_positions(s.a, OrgChart).expect("none").is_empty());
    // Given in any order, read back stakeholders first, then team members, by id.
    let org = vec![
        at(T(s.mei), 300.0, 80.0),
        at(S(s.bo), -0.125, 1e7),
        at(S(s.ada), 120.5, 0.1 + 0.2),
    ];
    t.ws.save_map_positions(s.a, OrgChart, &org).expect("save");
    assert_eq!(
        undo_label(&t.ws),
        Some(ActionLabel::new(Verb::Update, EntityKind::Map, "Northwind"))
    );
    let net = vec![at(S(s.ada), -5.0, -1e7)];
    t.ws.save_map_positions(s.a, Network, &net).expect("save");
    let expected_org = vec![org[2], org[1], org[0]];
    assert_eq!(
        t.ws.map_positions(s.a, OrgChart).expect("org"),
        expected_org
    );
    assert_eq!(t.ws.map_positions(s.a, Network).expect("net"), net);
    assert!(t
        .ws
        .map_positions(s.other, OrgChart)
        .expect("none")
        .is_empty());
    drop(t.ws);

    let ws = Workspace::open(&t.path).expect("reopen");
    assert_eq!(ws.map_positions(s.a, OrgChart).expect("org"), expected_org);
    assert_eq!(ws.map_positions(s.a, Network).expect("net"), net);
    assert!(matches!(
        ws.map_positions(9_999, OrgChart),
        Err(StoreError::MissingRow {
            entity: "account",
            id: 9_999
        })
    ));
}

#[test]
fn saving_upserts_the_given_nodes_keeps_the_others_and_is_one_undo_step() {
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    let first = vec![at(S(s.ada), 1.0, 1.0), at(S(s.bo), 2.0, 2.0)];
    t.ws.save_map_positions(s.a, OrgChart, &first)
        .expect("first");
    t.ws.save_map_positions(
        s.a,
        OrgChart,
        &[at(S(s.bo), 20.0, 20.0), at(S(s.cy), 3.0, 3.0)],
    )
    .expect("second");
    assert_eq!(
        t.ws.map_positions(s.a, OrgChart).expect("read"),
        vec![
            at(S(s.ada), 1.0, 1.0),
            at(S(s.bo), 20.0, 20.0),
            at(S(s.cy), 3.0, 3.0)
        ]
    );
    t.ws.undo().expect("undo second");
    assert_eq!(t.ws.map_positions(s.a, OrgChart).expect("read"), first);
    t.ws.undo().expect("undo first");
    assert!(t.ws.map_positions(s.a, OrgChart).expect("read").is_empty());
    assert_eq!(
        undo_label(&t.ws).map(|l| l.entity),
        Some(EntityKind::Coverage),
        "each save was exactly one step"
    );
}

#[test]
fn a_move_undoes_and_redoes_across_a_restart() {
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    t.ws.save_map_positions(s.a, Network, &[at(S(s.ada), 10.0, 10.0)])
        .expect("place");
    t.ws.save_map_positions(s.a, Network, &[at(S(s.ada), 55.5, -7.25)])
        .expect("move");
    t.ws.undo().expect("undo move");
    assert_eq!(
        t.ws.map_positions(s.a, Network).expect("read"),
        vec![at(S(s.ada), 10.0, 10.0)]
    );
    drop(t.ws);
    let mut ws = Workspace::open(&t.path).expect("reopen");
    ws.redo().expect("redo move");
    assert_eq!(
        ws.map_positions(s.a, Network).expect("read"),
        vec![at(S(s.ada), 55.5, -7.25)]
    );
    assert_eq!(ws.integrity_check().expect("check"), "ok");
}

#[test]
fn a_save_or_reset_that_changes_nothing_records_nothing_and_keeps_redo() {
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    let placed = [at(S(s.ada), 1.0, 2.0), at(T(s.mei), 3.0, 4.0)];
    t.ws.save_map_positions(s.a, OrgChart, &placed)
        .expect("save");
    t.ws.save_map_positions(s.a, OrgChart, &[at(S(s.ada), 9.0, 9.0)])
        .expect("move");
    t.ws.undo().expect("undo move");
    let before = t.ws.history_state().expect("history");
    assert!(before.can_redo);
    // A drag that ends where it began, an empty save and a reset of an empty layout.
    t.ws.save_map_positions(s.a, OrgChart, &placed[..1])
        .expect("same");
    t.ws.save_map_positions(s.a, OrgChart, &[]).expect("empty");
    t.ws.reset_map_positions(s.a, Network)
        .expect("nothing to reset");
    assert_eq!(t.ws.history_state().expect("history"), before);
    t.ws.redo().expect("redo still works");
    assert_eq!(
        t.ws.map_positions(s.a, OrgChart).expect("read"),
        vec![at(S(s.ada), 9.0, 9.0), at(T(s.mei), 3.0, 4.0)]
    );
}

#[test]
fn reset_forgets_one_layout_as_one_undoable_action() {
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    let org = vec![at(S(s.ada), 1.0, 1.0), at(T(s.mei), 2.0, 2.0)];
    let net = vec![at(S(s.bo), 3.0, 3.0)];
    t.ws.save_map_positions(s.a, OrgChart, &org).expect("org");
    t.ws.save_map_positions(s.a, Network, &net).expect("net");
    t.ws.reset_map_positions(s.a, OrgChart).expect("reset");
    assert_eq!(
        undo_label(&t.ws),
        Some(ActionLabel::new(Verb::Update, EntityKind::Map, "Northwind"))
    );
    assert!(t.ws.map_positions(s.a, OrgChart).expect("org").is_empty());
    assert_eq!(t.ws.map_positions(s.a, Network).expect("net"), net);
    t.ws.undo().expect("undo reset");
    assert_eq!(t.ws.map_positions(s.a, OrgChart).expect("org"), org);
    assert!(matches!(
        t.ws.reset_map_positions(404, OrgChart),
        Err(StoreError::MissingRow {
            entity: "account",
            ..
        })
    ));
}

#[test]
fn deleting_a_person_team_member_or_account_takes_their_positions_and_undo_brings_them_back() {
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    let org = vec![
        at(S(s.ada), 1.0, 1.0),
        at(S(s.bo), 2.0, 2.0),
        at(T(s.mei), 5.0, 5.0),
    ];
    let net = vec![at(S(s.ada), 4.0, 4.0)];
    let mei_at_contoso = vec![at(T(s.mei), 6.0, 6.0)];
    t.ws.save_map_positions(s.a, OrgChart, &org).expect("org");
    t.ws.save_map_positions(s.a, Network, &net).expect("net");
    t.ws.save_map_positions(s.other, OrgChart, &mei_at_contoso)
        .expect("other account");
    // Northwind's two layouts and Contoso's org chart (`None`: no such account).
    type Maps = Vec<Option<Vec<MapPosition>>>;
    let maps = |ws: &Workspace| -> Maps {
        [(s.a, OrgChart), (s.a, Network), (s.other, OrgChart)]
            .iter()
            .map(|&(account, layout)| ws.map_positions(account, layout).ok())
            .collect()
    };
    let original = maps(&t.ws);
    type Deletion = fn(&mut Workspace, &Scene) -> rapport_store::Result<()>;
    let cases: [(&str, Deletion, Maps); 3] = [
        (
            "a stakeholder",
            |ws, s| ws.delete_stakeholder(s.ada),
            vec![
                Some(vec![org[1], org[2]]),
                Some(vec![]),
                Some(mei_at_contoso.clone()),
            ],
        ),
        (
            // A team member belongs to the workspace: their positions go everywhere.
            "a team member",
            |ws, s| ws.delete_team_member(s.mei),
            vec![Some(vec![org[0], org[1]]), Some(net.clone()), Some(vec![])],
        ),
        (
            "the account",
            |ws, s| ws.delete_account(s.a),
            vec![None, None, Some(mei_at_contoso.clone())],
        ),
    ];
    for (what, delete, expected) in cases {
        delete(&mut t.ws, &s).expect(what);
        assert_eq!(maps(&t.ws), expected, "after deleting {what}");
        t.ws.undo().expect("undo");
        assert_eq!(
            maps(&t.ws),
            original,
            "after undoing the deletion of {what}"
        );
    }
    assert_eq!(t.ws.integrity_check().expect("check"), "ok");
}

#[test]
fn refused_positions_write_nothing() {
    use FieldErrorCode::*;
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    let kept = vec![at(S(s.ada), 1.0, 1.0)];
    t.ws.save_map_positions(s.a, OrgChart, &kept).expect("save");
    let history = t.ws.history_state().expect("history");
    let ok = at(S(s.bo), 2.0, 2.0);
    let too_many: Vec<MapPosition> = (1..=20_001).map(|i| at(S(i), 0.0, 0.0)).collect();
    type Case = (Vec<MapPosition>, Vec<(&'static str, FieldErrorCode)>);
    let cases: Vec<Case> = vec![
        (
            vec![ok, at(S(s.cy), f64::NAN, 0.0)],
            vec![("positions.x", NotANumber)],
        ),
        (
            vec![ok, at(S(s.cy), 0.0, -1.5e7)],
            vec![("positions.y", OutOfRange)],
        ),
        (
            vec![ok, at(S(s.bo), 3.0, 3.0)],
            vec![("positions", Duplicate)],
        ),
        (too_many, vec![("positions", OutOfRange)]),
        // Another account's stakeholder, and ids that do not exist.
        (
            vec![ok, at(S(s.dee), 0.0, 0.0)],
            vec![("positions", UnknownReference)],
        ),
        (
            vec![ok, at(S(9_999), 0.0, 0.0)],
            vec![("positions", UnknownReference)],
        ),
        (
            vec![ok, at(T(9_999), 0.0, 0.0)],
            vec![("positions", UnknownReference)],
        ),
    ];
    for (positions, expected) in cases {
        let err =
            t.ws.save_map_positions(s.a, OrgChart, &positions)
                .expect_err("refused");
        let expected: Vec<(String, FieldErrorCode)> =
            expected.into_iter().map(|(f, c)| (f.into(), c)).collect();
        assert_eq!(field_codes(err), expected);
        assert_eq!(t.ws.map_positions(s.a, OrgChart).expect("read"), kept);
        assert_eq!(t.ws.history_state().expect("history"), history);
    }
    let err =
        t.ws.save_map_positions(s.other, OrgChart, &[at(S(s.ada), 0.0, 0.0)])
            .expect_err("Ada is not Contoso's");
    assert!(err
        .to_string()
        .contains(&format!("stakeholder {} is not in this account", s.ada)));
    assert!(matches!(
        t.ws.save_map_positions(404, OrgChart, &[]),
        Err(StoreError::MissingRow {
            entity: "account",
            id: 404
        })
    ));
    assert_eq!(t.ws.history_state().expect("history"), history);
}

/// An account of `people` stakeholders P00000… in a chain of influence ties, imported
/// in one action (creating them one action at a time would take minutes of fsyncs).
fn big_account(ws: &mut Workspace, people: usize) -> (Id, Vec<Id>, Vec<Id>) {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
         <key id=\"strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"string\"/>\n\
         <graph edgedefault=\"directed\">\n",
    );
    for i in 0..people {
        xml.push_str(&format!(
            "<node id=\"n{i}\"><data key=\"name\">P{i:05}</data></node>\n"
        ));
    }
    for i in 1..people {
        xml.push_str(&format!(
            "<edge source=\"n{}\" target=\"n{i}\"><data key=\"strength\">3</data></edge>\n",
            i - 1
        ));
    }
    xml.push_str("</graph>\n</graphml>\n");
    let summary = ws.import_graphml(&xml, "Big").expect("import");
    let detail = ws.account_detail(summary.account_id).expect("detail");
    let mut ids: Vec<Id> = detail.stakeholders.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    let mut ties: Vec<Id> = detail.influences.iter().map(|i| i.id).collect();
    ties.sort_unstable();
    (summary.account_id, ids, ties)
}

#[test]
fn twenty_thousand_positions_save_and_undo_as_one_action() {
    let mut t = temp_workspace();
    let (a, people, _) = big_account(&mut t.ws, MAP_MAX);
    let placed: Vec<MapPosition> = people
        .iter()
        .enumerate()
        .map(|(i, &p)| at(S(p), i as f64, -(i as f64)))
        .collect();
    let started = Instant::now();
    t.ws.save_map_positions(a, Network, &placed).expect("save");
    let moved: Vec<MapPosition> = placed.iter().map(|p| at(p.node, p.x + 0.5, p.y)).collect();
    t.ws.save_map_positions(a, Network, &moved)
        .expect("move all");
    assert_eq!(t.ws.map_positions(a, Network).expect("read"), moved);
    t.ws.undo().expect("undo");
    let elapsed = started.elapsed();
    assert_eq!(t.ws.map_positions(a, Network).expect("read"), placed);
    eprintln!("saved, moved and undid 20,000 positions in {elapsed:?}");
}

#[test]
fn a_selection_is_deleted_as_one_action_and_undo_restores_everything() {
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    t.ws.save_map_positions(
        s.a,
        OrgChart,
        &[at(S(s.bo), 1.0, 1.0), at(S(s.cy), 2.0, 2.0)],
    )
    .expect("positions");
    let detail_before = t.ws.account_detail(s.a).expect("detail");
    let other_before = t.ws.account_detail(s.other).expect("other");
    let positions_before = t.ws.map_positions(s.a, OrgChart).expect("positions");

    // Bo with his tie Ada → Bo (also removed by the cascade), the tie Bo → Cy, and
    // Mei's coverage of Cy.
    let selection = MapSelection {
        stakeholders: vec![s.bo],
        influences: vec![s.ada_bo, s.bo_cy],
        coverage: vec![s.mei_cy],
    };
    t.ws.delete_elements(s.a, &selection).expect("delete");
    assert_eq!(
        undo_label(&t.ws),
        Some(ActionLabel::new(
            Verb::Delete,
            EntityKind::Selection,
            "Bo, Ada → Bo, Bo → Cy +1"
        ))
    );
    let after = t.ws.account_detail(s.a).expect("detail");
    let names: Vec<&str> = after
        .stakeholders
        .iter()
        .map(|p| p.fields.name.as_str())
        .collect();
    assert_eq!(names, vec!["Ada", "Cy"]);
    assert!(after.influences.is_empty());
    assert_eq!(
        after.coverage.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![s.mei_ada]
    );
    assert_eq!(
        t.ws.map_positions(s.a, OrgChart).expect("positions"),
        vec![at(S(s.cy), 2.0, 2.0)]
    );
    assert_eq!(t.ws.account_detail(s.other).expect("other"), other_before);

    let state = t.ws.undo().expect("one undo step");
    assert_eq!(state.undo_label.map(|l| l.entity), Some(EntityKind::Map));
    assert_eq!(t.ws.account_detail(s.a).expect("detail"), detail_before);
    assert_eq!(
        t.ws.map_positions(s.a, OrgChart).expect("positions"),
        positions_before
    );
    t.ws.redo().expect("redo");
    assert_eq!(t.ws.account_detail(s.a).expect("detail"), after);
    drop(t.ws);
    let mut ws = Workspace::open(&t.path).expect("reopen");
    ws.undo().expect("undo after restart");
    assert_eq!(ws.account_detail(s.a).expect("detail"), detail_before);
    assert_eq!(ws.integrity_check().expect("check"), "ok");
}

#[test]
fn a_selection_with_a_foreign_or_missing_id_deletes_nothing() {
    use FieldErrorCode::*;
    let mut t = temp_workspace();
    let s = scene(&mut t.ws);
    let before = t.ws.account_detail(s.a).expect("detail");
    let other_before = t.ws.account_detail(s.other).expect("other");
    let history = t.ws.history_state().expect("history");
    let sel = |stakeholders: Vec<Id>, influences: Vec<Id>, coverage: Vec<Id>| MapSelection {
        stakeholders,
        influences,
        coverage,
    };
    let cases = vec![
        (sel(vec![], vec![], vec![]), ("selection", Required)),
        (
            sel(vec![s.ada, s.ada], vec![], vec![]),
            ("stakeholders", Duplicate),
        ),
        (
            sel((1..=20_001).collect(), vec![], vec![]),
            ("selection", OutOfRange),
        ),
        // Contoso's Dee, and Mei's coverage of Dee, are not Northwind's.
        (
            sel(vec![s.ada, s.dee], vec![], vec![]),
            ("stakeholders", UnknownReference),
        ),
        (
            sel(vec![s.ada], vec![], vec![s.mei_dee]),
            ("coverage", UnknownReference),
        ),
        (
            sel(vec![s.ada], vec![9_999], vec![]),
            ("influences", UnknownReference),
        ),
        (
            sel(vec![9_999], vec![], vec![]),
            ("stakeholders", UnknownReference),
        ),
        (
            sel(vec![], vec![], vec![9_999]),
            ("coverage", UnknownReference),
        ),
    ];
    for (selection, (field, code)) in cases {
        let err = t.ws.delete_elements(s.a, &selection).expect_err("refused");
        assert_eq!(field_codes(err), vec![(field.to_string(), code)]);
        assert_eq!(t.ws.account_detail(s.a).expect("detail"), before);
        assert_eq!(t.ws.account_detail(s.other).expect("other"), other_before);
        assert_eq!(t.ws.history_state().expect("history"), history);
    }
    // Northwind's tie, asked for through Contoso.
    let err =
        t.ws.delete_elements(s.other, &sel(vec![], vec![s.ada_bo], vec![]))
            .expect_err("not Contoso's");
    assert_eq!(
        field_codes(err),
        vec![("influences".into(), UnknownReference)]
    );
    assert!(matches!(
        t.ws.delete_elements(404, &sel(vec![s.ada], vec![], vec![])),
        Err(StoreError::MissingRow {
            entity: "account",
            ..
        })
    ));
    assert_eq!(t.ws.account_detail(s.a).expect("detail"), before);
    assert_eq!(t.ws.history_state().expect("history"), history);
}

#[test]
fn a_large_selection_deletes_and_undoes_as_one_action() {
    let mut t = temp_workspace();
    let (a, people, ties) = big_account(&mut t.ws, 10_001);
    t.ws.save_map_positions(
        a,
        OrgChart,
        &people
            .iter()
            .map(|&p| at(S(p), 1.0, 2.0))
            .collect::<Vec<_>>(),
    )
    .expect("positions");
    let before = t.ws.account_detail(a).expect("detail");
    // Half the people and every tie: 15,000 ids, half the ties also going by cascade.
    let selection = MapSelection {
        stakeholders: people.iter().copied().step_by(2).collect(),
        influences: ties.clone(),
        coverage: vec![],
    };
    let started = Instant::now();
    t.ws.delete_elements(a, &selection).expect("delete");
    let delete = started.elapsed();
    let label = undo_label(&t.ws).expect("label");
    assert_eq!(label.name, "P00000, P00002, P00004 +14998");
    let after = t.ws.account_detail(a).expect("detail");
    assert_eq!(
        (after.stakeholders.len(), after.influences.len()),
        (5_000, 0)
    );
    assert_eq!(t.ws.map_positions(a, OrgChart).expect("read").len(), 5_000);
    t.ws.undo().expect("undo");
    let elapsed = started.elapsed();
    assert_eq!(t.ws.account_detail(a).expect("detail"), before);
    assert_eq!(t.ws.map_positions(a, OrgChart).expect("read").len(), 10_001);
    // Timings are printed, not asserted (docs/performance.md has the numbers).
    eprintln!("deleted 15,001 ids in {delete:?}; with undo {elapsed:?}");
}
