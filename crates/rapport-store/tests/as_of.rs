//! The workspace "as of" a past date (issue 5): a scripted history of recorded
//! actions, undos and redos, each stamped at noon UTC of its own day, and the state
//! read back as of every day equals the state the file had at the end of that day.

mod common;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::*;
use rapport_core::*;
use rapport_store::{StoreError, Workspace};

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).expect("date") + Duration::days(n)
}

/// Noon UTC of day `n`: inside the local day `n` in every time zone from UTC−12 to
/// UTC+11.
fn noon(n: i64) -> DateTime<Utc> {
    day(n).and_hms_opt(12, 0, 0).expect("time").and_utc()
}

struct Script {
    t: TempWorkspace,
    account: Id,
    /// The account as the file showed it at the end of each scripted day.
    states: Vec<(i64, AccountDetail)>,
}

impl Script {
    fn on(&mut self, n: i64) -> &mut Workspace {
        self.t.ws.set_clock_for_tests(Some(noon(n)));
        &mut self.t.ws
    }

    fn remember(&mut self, n: i64) {
        let now = self.t.ws.account_detail(self.account).expect("read now");
        self.states.retain(|(d, _)| *d != n);
        self.states.push((n, now));
    }
}

fn person(s: &Script, name: &str) -> Id {
    s.t.ws
        .account_detail(s.account)
        .expect("read")
        .stakeholders
        .iter()
        .find(|p| p.fields.name == name)
        .map(|p| p.id)
        .expect("person")
}

/// Days 1–12: people come and go, attitudes and ties change, a deletion is undone,
/// redone and undone again, the redo stack is discarded, the undo history cleared.
fn scripted() -> Script {
    let mut t = temp_workspace();
    t.ws.set_clock_for_tests(Some(noon(1)));
    let account = t.ws.create_account(&account("Northwind")).expect("account");
    let mut s = Script {
        t,
        account,
        states: Vec::new(),
    };
    let lead = s
        .on(1)
        .create_team_member(&TeamMemberFields {
            name: "Tom".into(),
            role: TeamRole::AccountLead,
        })
        .expect("team member");
    s.remember(1);

    let ada = s
        .on(2)
        .create_stakeholder(&stakeholder(account, "Ada"))
        .expect("Ada");
    let bo = s
        .on(2)
        .create_stakeholder(&stakeholder(account, "Bo"))
        .expect("Bo");
    s.remember(2);

    let ada_bo = s
        .on(3)
        .create_influence(&influence(account, ada, bo))
        .expect("tie");
    s.on(3)
        .create_coverage(&CoverageFields {
            team_member_id: lead,
            stakeholder_id: ada,
            strength: 4,
            last_contact: None,
            note: String::new(),
        })
        .expect("coverage");
    s.on(3)
        .create_stage_change(&StageChangeFields {
            account_id: account,
            date: day(3).to_string(),
            stage: Stage::Cooperative,
            evidence: String::new(),
        })
        .expect("stage");
    s.remember(3);

    let mut bo_fields = stakeholder(account, "Bo");
    bo_fields.attitude = Attitude::Champion;
    s.on(4)
        .update_stakeholder(bo, &bo_fields)
        .expect("Bo a champion");
    s.remember(4);

    let cy = s
        .on(5)
        .create_stakeholder(&stakeholder(account, "Cy"))
        .expect("Cy");
    s.on(5)
        .create_influence(&influence(account, cy, ada))
        .expect("tie");
    s.remember(5);

    s.on(6).delete_stakeholder(bo).expect("Bo leaves");
    s.remember(6);
    s.on(7).undo().expect("Bo back");
    s.remember(7);
    s.on(8).redo().expect("Bo gone again");
    s.remember(8);
    s.on(9).undo().expect("Bo back again");
    s.remember(9);

    // A new action discards the redo stack (Bo's deletion can no longer be redone).
    let mut tie = influence(account, ada, bo);
    tie.strength = 2;
    s.on(10).update_influence(ada_bo, &tie).expect("weaker tie");
    s.on(10)
        .create_stage_change(&StageChangeFields {
            account_id: account,
            date: day(10).to_string(),
            stage: Stage::Basic,
            evidence: "regression".into(),
        })
        .expect("regression");
    s.remember(10);

    // Done and undone the same day: invisible at day granularity.
    let mut cy_fields = stakeholder(account, "Cy");
    cy_fields.attitude = Attitude::Opponent;
    s.on(11).update_stakeholder(cy, &cy_fields).expect("Cy");
    s.on(11).undo().expect("undo Cy");
    s.remember(11);

    s.on(12).clear_history().expect("clear");
    let mut ada_fields = stakeholder(account, "Ada");
    ada_fields.attitude = Attitude::Sceptic;
    s.on(12)
        .update_stakeholder(ada, &ada_fields)
        .expect("Ada sours");
    s.remember(12);
    s
}

#[test]
fn as_of_every_day_is_the_state_of_that_day() {
    let s = scripted();
    for (n, expected) in &s.states {
        let past =
            s.t.ws
                .account_detail_as_of(s.account, day(*n))
                .expect("as of");
        assert_eq!(&past, expected, "day {n}");
    }
    // Later days are today's state.
    assert_eq!(
        s.t.ws
            .account_detail_as_of(s.account, day(400))
            .expect("later"),
        s.t.ws.account_detail(s.account).expect("now")
    );
    // Between scripted days, the state of the day before.
    let (_, day5) = &s.states[4];
    assert_eq!(
        &s.t.ws
            .account_detail_as_of(s.account, day(5))
            .expect("day 5"),
        day5
    );
}

#[test]
fn undone_deletions_are_in_the_past_while_they_were_in_effect() {
    let s = scripted();
    let names = |n: i64| -> Vec<String> {
        s.t.ws
            .account_detail_as_of(s.account, day(n))
            .expect("as of")
            .stakeholders
            .into_iter()
            .map(|p| p.fields.name)
            .collect()
    };
    assert_eq!(names(5), ["Ada", "Bo", "Cy"]);
    assert_eq!(names(6), ["Ada", "Cy"], "deleted on day 6");
    assert_eq!(names(7), ["Ada", "Bo", "Cy"], "undone on day 7");
    assert_eq!(names(8), ["Ada", "Cy"], "redone on day 8");
    assert_eq!(
        names(9),
        ["Ada", "Bo", "Cy"],
        "undone again, later discarded"
    );
    // Bo's ties came back with him.
    let d9 =
        s.t.ws
            .account_detail_as_of(s.account, day(9))
            .expect("day 9");
    assert_eq!(d9.influences.len(), 2);
    // The same-day edit and undo of day 11 left no trace.
    let d11 =
        s.t.ws
            .account_detail_as_of(s.account, day(11))
            .expect("day 11");
    let cy = d11
        .stakeholders
        .iter()
        .find(|p| p.fields.name == "Cy")
        .expect("Cy");
    assert_eq!(cy.fields.attitude, Attitude::Supporter);
}

#[test]
fn clearing_the_undo_history_keeps_the_past() {
    let mut s = scripted();
    // Only day 12's edit is undoable; everything before the clear is closed.
    s.t.ws.undo().expect("undo Ada's attitude");
    assert!(matches!(s.t.ws.undo(), Err(StoreError::NothingTo("undo"))));
    s.t.ws.redo().expect("redo");
    let d2 =
        s.t.ws
            .account_detail_as_of(s.account, day(2))
            .expect("day 2");
    assert_eq!(d2, s.states[1].1);
    assert!(d2.influences.is_empty());
}

#[test]
fn an_account_that_did_not_exist_yet_is_a_clear_error() {
    let s = scripted();
    let err =
        s.t.ws
            .account_detail_as_of(s.account, day(0))
            .expect_err("no account before day 1");
    assert!(
        matches!(err, StoreError::NotAsOf { entity: "account", id, date } if id == s.account && date == day(0)),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("no account with id {} as of 2024-01-01", s.account)
    );
    assert!(s
        .t
        .ws
        .all_account_details_as_of(day(0))
        .expect("portfolio")
        .is_empty());
    assert_eq!(
        s.t.ws
            .all_account_details_as_of(day(1))
            .expect("portfolio")
            .len(),
        1
    );
}

#[test]
fn a_deleted_account_is_still_in_the_past() {
    let mut s = scripted();
    let account = s.account;
    s.on(20).delete_account(account).expect("delete account");
    assert!(s.t.ws.all_account_details().expect("now").is_empty());
    let past = s.t.ws.all_account_details_as_of(day(19)).expect("before");
    assert_eq!(past, vec![s.states.last().expect("state").1.clone()]);
    assert!(matches!(
        s.t.ws.account_detail_as_of(s.account, day(20)),
        Err(StoreError::NotAsOf { .. })
    ));
}

#[test]
fn comparing_two_dates() {
    let s = scripted();
    let ada = person(&s, "Ada");
    let bo = person(&s, "Bo");
    let cy = person(&s, "Cy");
    let c =
        s.t.ws
            .compare_account(s.account, day(3), day(8))
            .expect("compare");
    let names = |people: &[analysis::PersonRef]| -> Vec<String> {
        people.iter().map(|p| p.name.clone()).collect()
    };
    assert_eq!(
        (c.from.as_str(), c.to.as_str()),
        ("2024-01-04", "2024-01-09")
    );
    assert_eq!(names(&c.people_added), ["Cy"]);
    assert_eq!(names(&c.people_removed), ["Bo"]);
    // Bo's attitude changed, but he is gone by day 8: no attitude change reported.
    assert!(c.attitude_changes.is_empty());
    let tie = |t: &analysis::TieChange| (t.from.id, t.to.id, t.before, t.after);
    assert_eq!(
        c.influence_changes.iter().map(tie).collect::<Vec<_>>(),
        [(cy, ada, None, Some(4)), (ada, bo, Some(4), None)]
    );
    assert!(c.coverage_changes.is_empty());

    let c =
        s.t.ws
            .compare_account(s.account, day(2), day(12))
            .expect("compare");
    assert_eq!(names(&c.people_added), ["Cy"]);
    assert!(c.people_removed.is_empty());
    let attitudes: Vec<_> = c
        .attitude_changes
        .iter()
        .map(|a| (a.person.name.as_str(), a.before, a.after))
        .collect();
    assert_eq!(
        attitudes,
        [
            ("Ada", Attitude::Supporter, Attitude::Sceptic),
            ("Bo", Attitude::Supporter, Attitude::Champion)
        ]
    );
    assert_eq!(
        c.influence_changes.iter().map(tie).collect::<Vec<_>>(),
        [(ada, bo, None, Some(2)), (cy, ada, None, Some(4))]
    );
    assert_eq!(c.coverage_changes.len(), 1);
    assert!(c.coverage_changes[0].from.team);
    assert_eq!(
        (c.coverage_changes[0].before, c.coverage_changes[0].after),
        (None, Some(4))
    );
    assert_eq!(c.account_coverage.before, 0.0);
    assert!(c.account_coverage.after > 0.0);
    assert_eq!(c.account_coverage.change, c.account_coverage.after);
    assert!(c.support_balance.before > 0.0, "two supporters");
    assert!(
        c.support_balance.change < c.support_balance.before,
        "Ada sours"
    );
    assert_eq!(c.stage_before, None);
    assert_eq!(c.stage_after, Some(Stage::Basic), "the day-10 regression");

    let d =
        s.t.ws
            .compare_account(s.account, day(4), day(10))
            .expect("compare");
    assert_eq!(
        (d.stage_before, d.stage_after),
        (Some(Stage::Cooperative), Some(Stage::Basic))
    );
    let strength: Vec<_> = d.influence_changes.iter().map(tie).collect();
    assert!(
        strength.contains(&(ada, bo, Some(4), Some(2))),
        "{strength:?}"
    );
    assert!(matches!(
        s.t.ws.compare_account(s.account, day(0), day(3)),
        Err(StoreError::NotAsOf { .. })
    ));
}

#[test]
fn as_of_works_in_a_read_only_session_and_after_reopening() {
    let s = scripted();
    let expected = s.states.clone();
    let path = s.t.path.clone();
    let account = s.account;
    let dir = s.t.dir;
    drop(s.t.ws);
    let ws = Workspace::open_read_only(&path).expect("read only");
    for (n, state) in &expected {
        assert_eq!(
            &ws.account_detail_as_of(account, day(*n)).expect("as of"),
            state
        );
    }
    drop(ws);
    let ws = Workspace::open(&path).expect("reopen");
    assert_eq!(
        ws.account_detail_as_of(account, day(6)).expect("as of"),
        expected[5].1
    );
    drop(dir);
}

#[test]
fn many_actions_on_one_day_are_all_there_by_its_end() {
    let mut t = temp_workspace();
    t.ws.set_clock_for_tests(Some(noon(1)));
    let account = t.ws.create_account(&account("A")).expect("account");
    t.ws.set_clock_for_tests(Some(noon(2)));
    for i in 0..30 {
        t.ws.create_stakeholder(&stakeholder(account, &format!("P{i:02}")))
            .expect("person");
    }
    let d1 = t.ws.account_detail_as_of(account, day(1)).expect("day 1");
    assert!(d1.stakeholders.is_empty());
    let d2 = t.ws.account_detail_as_of(account, day(2)).expect("day 2");
    assert_eq!(d2.stakeholders.len(), 30);
}

/// The demo's backdated history: a year ago Northwind had its old CTO and no
/// placeholder, Daniel Fischer had not joined, attitudes were warmer and the stage was
/// interdependent, before the outage regression.
#[test]
fn the_demo_has_an_interesting_past() {
    use rapport_store::demo::write_demo;
    let today = NaiveDate::from_ymd_opt(2026, 3, 16).expect("date");
    let mut t = temp_workspace();
    write_demo(&mut t.ws, today).expect("demo");
    assert!(
        !t.ws.history_state().expect("history").can_undo,
        "nothing to undo"
    );
    let now = t.ws.all_account_details().expect("now");
    assert_eq!(t.ws.all_account_details_as_of(today).expect("today"), now);
    let northwind = now
        .iter()
        .find(|a| a.account.fields.name == "Northwind Telecom")
        .expect("Northwind")
        .account
        .id;

    // Every past state is sound: nothing points at a row that did not exist then.
    for days in (0..=800).step_by(7) {
        let past =
            t.ws.snapshot_as_of(today - Duration::days(days))
                .expect("past");
        assert_eq!(
            past.foreign_key_violations().expect("check"),
            0,
            "{days} days ago"
        );
    }

    let year_ago = today - Duration::days(365);
    let then =
        t.ws.account_detail_as_of(northwind, year_ago)
            .expect("a year ago");
    let names: Vec<&str> = then
        .stakeholders
        .iter()
        .map(|p| p.fields.name.as_str())
        .collect();
    assert!(names.contains(&"Richard Hale"), "{names:?}");
    assert!(!names.contains(&"CTO – unknown"));
    assert!(!names.contains(&"Daniel Fischer"));
    let stage = stage_at(&then.stage_changes, &year_ago.to_string());
    assert_eq!(stage, Some(Stage::Interdependent));

    let c =
        t.ws.compare_account(northwind, year_ago, today)
            .expect("compare");
    let added: Vec<&str> = c.people_added.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(added, ["CTO – unknown", "Daniel Fischer"]);
    let removed: Vec<&str> = c.people_removed.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(removed, ["Richard Hale"]);
    let changed: Vec<&str> = c
        .attitude_changes
        .iter()
        .map(|a| a.person.name.as_str())
        .collect();
    assert_eq!(
        changed,
        [
            "Anders Lindqvist",
            "Erik Johansson",
            "Margaret Holloway",
            "Samuel Okafor"
        ]
    );
    assert_eq!(c.stage_before, Some(Stage::Interdependent));
    assert!(c.support_balance.change < 0.0, "{:?}", c.support_balance);
    assert!(c
        .coverage_changes
        .iter()
        .any(|t| t.before == Some(4) && t.after == Some(2)));

    // Two years ago: a cooperative account, Lin not yet a champion, fewer records.
    let older =
        t.ws.account_detail_as_of(northwind, today - Duration::days(600))
            .expect("600 days ago");
    let lin = older
        .stakeholders
        .iter()
        .find(|p| p.fields.name == "Lin Xiaoyu 林晓雨")
        .expect("Lin");
    assert_eq!(lin.fields.attitude, Attitude::Supporter);
    assert!(
        older.interactions.len()
            < now
                .iter()
                .find(|a| a.account.id == northwind)
                .expect("nw")
                .interactions
                .len()
    );
}

/// The demo's past carries the last contacts of its time: as of a year ago every
/// stakeholder's and coverage tie's last contact is on or before that day (or none
/// yet), each equal to the latest interaction with them by then; several are older
/// than today's.
#[test]
fn the_demo_past_has_the_last_contacts_of_its_time() {
    use rapport_store::demo::write_demo;
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let mut t = temp_workspace();
    write_demo(&mut t.ws, today).expect("demo");
    let year_ago = today - Duration::days(365);
    let then =
        t.ws.all_account_details_as_of(year_ago)
            .expect("a year ago");
    let now = t.ws.all_account_details().expect("now");
    let cut = year_ago.format("%Y-%m-%d").to_string();
    let mut moved = 0;
    for (past, present) in then.iter().zip(&now) {
        assert_eq!(past.account.id, present.account.id);
        for p in &past.stakeholders {
            let latest = past
                .interactions
                .iter()
                .filter(|i| i.fields.stakeholder_ids.contains(&p.id))
                .map(|i| i.fields.date.clone())
                .max();
            if let Some(last) = &p.fields.last_contact {
                assert!(*last <= cut, "{}: {last}", p.fields.name);
                assert_eq!(Some(last), latest.as_ref(), "{}", p.fields.name);
            }
            let today_value = present
                .stakeholders
                .iter()
                .find(|q| q.id == p.id)
                .and_then(|q| q.fields.last_contact.clone());
            if today_value != p.fields.last_contact {
                moved += 1;
            }
        }
        for c in &past.coverage {
            if let Some(last) = &c.fields.last_contact {
                assert!(*last <= cut, "coverage {}: {last}", c.id);
            }
        }
    }
    assert!(moved >= 5, "only {moved} last contacts differ a year ago");
    let older_ties = then
        .iter()
        .flat_map(|a| &a.coverage)
        .filter(|c| {
            now.iter()
                .flat_map(|a| &a.coverage)
                .find(|n| n.id == c.id)
                .is_some_and(|n| n.fields.last_contact != c.fields.last_contact)
        })
        .count();
    assert!(older_ties >= 3, "only {older_ties} coverage ties differ");
}
