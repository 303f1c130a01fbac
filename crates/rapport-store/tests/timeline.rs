//! The timeline reads: how far the history reaches, an account with everything as of
//! a date, and the quarterly nine-box trails from past snapshots.

mod common;

use chrono::{DateTime, Local, NaiveDate, Utc};
use common::*;
use rapport_core::*;
use rapport_store::StoreError;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn noon(s: &str) -> DateTime<Utc> {
    day(s).and_hms_opt(12, 0, 0).expect("noon").and_utc()
}

/// The first factor of each axis.
fn axes(t: &TempWorkspace) -> (Id, Id) {
    let factors = t.ws.list_factors().expect("factors");
    let first = |axis| {
        factors
            .iter()
            .find(|f| f.fields.axis == axis)
            .map(|f| f.id)
            .expect("a default factor")
    };
    (
        first(FactorAxis::Attractiveness),
        first(FactorAxis::Relationship),
    )
}

fn scored(name: &str, (a, r): (Id, Id), sa: u8, sr: u8) -> AccountFields {
    AccountFields {
        factor_scores: vec![
            FactorScore {
                factor_id: a,
                score: sa,
            },
            FactorScore {
                factor_id: r,
                score: sr,
            },
        ],
        ..account(name)
    }
}

#[test]
fn the_history_span_starts_at_the_first_recorded_event() {
    let mut t = temp_workspace();
    assert_eq!(t.ws.earliest_history_date().expect("span"), None);
    t.ws.set_clock_for_tests(Some(noon("2025-03-01")));
    t.ws.create_account(&account("First")).expect("create");
    t.ws.set_clock_for_tests(Some(noon("2025-07-01")));
    t.ws.create_account(&account("Second")).expect("create");
    let expected = noon("2025-03-01").with_timezone(&Local).date_naive();
    assert_eq!(t.ws.earliest_history_date().expect("span"), Some(expected));
}

#[test]
fn trails_use_each_quarter_ends_scores_and_skip_what_did_not_exist() {
    let mut t = temp_workspace();
    let ax = axes(&t);
    t.ws.set_clock_for_tests(Some(noon("2025-01-15")));
    let one = t.ws.create_account(&scored("One", ax, 2, 2)).expect("one");
    t.ws.set_clock_for_tests(Some(noon("2025-05-10")));
    t.ws.update_account(one, &scored("One", ax, 4, 3))
        .expect("rescore");
    t.ws.set_clock_for_tests(Some(noon("2025-08-01")));
    let two = t.ws.create_account(&scored("Two", ax, 5, 1)).expect("two");
    let unrated = t.ws.create_account(&account("Unrated")).expect("unrated");
    t.ws.set_clock_for_tests(Some(noon("2025-11-02")));
    t.ws.update_account(two, &scored("Two", ax, 1, 5))
        .expect("rescore two");

    let trails = t.ws.portfolio_trails(4, day("2025-11-23")).expect("trails");
    // The sidebar's order: by name.
    let ids: Vec<Id> = trails.iter().map(|t| t.account_id).collect();
    assert_eq!(ids, vec![one, two, unrated]);
    let points = |i: usize| -> Vec<(String, f64, f64)> {
        trails[i]
            .points
            .iter()
            .map(|p| (p.date.clone(), p.attractiveness, p.relationship))
            .collect()
    };
    assert_eq!(
        points(0),
        vec![
            ("2025-03-31".to_string(), 2.0, 2.0),
            ("2025-06-30".to_string(), 4.0, 3.0),
            ("2025-09-30".to_string(), 4.0, 3.0),
        ],
        "not there at the end of 2024"
    );
    // Two's rescoring after the last quarter end does not show.
    assert_eq!(points(1), vec![("2025-09-30".to_string(), 5.0, 1.0)]);
    assert!(points(2).is_empty(), "unrated accounts are not placed");

    // Trails for named accounts (a past portfolio's), in the order given.
    let some =
        t.ws.portfolio_trails_of(&[two, one], 1, day("2025-07-01"))
            .expect("trails of");
    assert_eq!(some.len(), 2);
    assert!(some[0].points.is_empty(), "two did not exist on 2025-06-30");
    assert_eq!(some[1].points[0].attractiveness, 4.0);
}

#[test]
fn an_account_as_of_a_date_is_analysed_on_that_date() {
    let mut t = temp_workspace();
    t.ws.set_clock_for_tests(Some(noon("2025-02-01")));
    let id = t.ws.create_account(&account("Acme")).expect("acme");
    t.ws.create_stage_change(&StageChangeFields {
        account_id: id,
        date: "2025-02-01".into(),
        stage: Stage::Basic,
        evidence: "first order".into(),
    })
    .expect("stage");
    t.ws.set_clock_for_tests(Some(noon("2025-06-01")));
    t.ws.create_stakeholder(&stakeholder(id, "Later person"))
        .expect("person");

    let then = t.ws.account_as_of(id, day("2025-03-01")).expect("as of");
    assert_eq!(then.date, "2025-03-01");
    assert!(then.detail.stakeholders.is_empty());
    assert_eq!(then.analysis.today, "2025-03-01");
    assert_eq!(then.stages.current, Some(Stage::Basic));
    assert_eq!(then.stages.current_age_days, Some(28));
    let later = t.ws.account_as_of(id, day("2025-07-01")).expect("later");
    assert_eq!(later.detail.stakeholders.len(), 1);

    let before = t.ws.account_as_of(id, day("2025-01-01"));
    assert!(
        matches!(before, Err(StoreError::NotAsOf { date, .. }) if date == day("2025-01-01")),
        "{before:?}"
    );
}

/// The trails (one copy reverted step by step) agree with a separate snapshot per
/// quarter end, on the demo's two years of history.
#[test]
fn demo_trails_match_one_snapshot_per_quarter() {
    use rapport_core::analysis::portfolio::axis_score;
    use rapport_core::analysis::quarter_ends;
    let today = day("2026-11-23");
    let mut t = temp_workspace();
    rapport_store::demo::write_demo(&mut t.ws, today).expect("demo");
    let trails = t.ws.portfolio_trails(10, today).expect("trails");
    let mut moved = 0;
    for (i, q) in quarter_ends(today, 10).into_iter().enumerate() {
        let past = t.ws.snapshot_as_of(q).expect("snapshot");
        let factors = past.list_factors().expect("factors");
        for (trail, detail) in trails
            .iter()
            .zip(past.all_account_details().expect("details"))
        {
            assert_eq!(trail.account_id, detail.account.id);
            let p = &trail.points[i];
            assert_eq!(p.date, q.format("%Y-%m-%d").to_string());
            let a = axis_score(&detail.account, &factors, FactorAxis::Attractiveness);
            let r = axis_score(&detail.account, &factors, FactorAxis::Relationship);
            assert_eq!(
                (Some(p.attractiveness), Some(p.relationship)),
                (a, r),
                "{q}"
            );
        }
    }
    for trail in &trails {
        let first = &trail.points[0];
        let position = |p: &rapport_core::analysis::TrailPoint| (p.attractiveness, p.relationship);
        if trail.points.iter().any(|p| position(p) != position(first)) {
            moved += 1;
        }
    }
    assert_eq!(moved, trails.len(), "every demo account's position moves");
}

/// The light read gives the timeline views exactly what the full details give.
#[test]
fn the_light_stage_read_matches_the_full_details() {
    use rapport_core::analysis::{portfolio_stages, portfolio_timeline};
    let today = day("2026-11-23");
    let mut t = temp_workspace();
    rapport_store::demo::write_demo(&mut t.ws, today).expect("demo");
    let light = t.ws.all_account_stages().expect("light");
    let full = t.ws.all_account_details().expect("full");
    assert_eq!(light.len(), full.len());
    for (l, f) in light.iter().zip(&full) {
        assert_eq!(l.account.id, f.account.id);
        assert_eq!(l.stage_changes, f.stage_changes);
    }
    let (from, to) = (day("2025-11-23"), today);
    assert_eq!(
        portfolio_timeline(&light, from, to, today),
        portfolio_timeline(&full, from, to, today)
    );
    assert_eq!(
        portfolio_stages(&light, day("2026-01-01")),
        portfolio_stages(&full, day("2026-01-01"))
    );
    assert!(light.iter().all(|a| !a.stage_changes.is_empty()));
}
