//! The demo's past (issue 5): about two years of backdated history leading to the demo
//! as it is today, so that "as of" a past date shows something different. Today's
//! content is written first, exactly as before; then the past is built backwards from
//! it, newest action first, as row images in the undo history's own tables
//! (`history_actions`, `history_changes`, `history_events`). The actions are closed:
//! the user starts with nothing to undo.
//!
//! What happened at Northwind Telecom: the CTO, Richard Hale, sponsored the joint
//! roadmap and left after the outage review (232 days ago); the CTO placeholder was
//! added last month; Daniel Fischer joined procurement (about four months ago); the
//! CFO warmed up at the framework signing and cooled after the outage, as did the CEO,
//! Erik Johansson and Samuel Okafor; Lin Xiaoyu became a champion; two coverage ties
//! weakened after the outage. Every stage change and interaction of every account
//! dated in the last two years was recorded on its date, so the stage timeline
//! regresses (interdependent → cooperative, 245 days ago) in the history too; and each
//! interaction moved on the last contact of the people (and coverage ties) it touched,
//! so that the past shows the older contact dates of its time. Each account's factor
//! scores moved a few times too (Northwind's relationship with the framework, the
//! outage and the recovery), so the portfolio's quarterly trails have somewhere to go.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Transaction};
use serde_json::{json, Map, Value};

use crate::error::{Result, StoreError};
use crate::history::{row_image, stamp, EntityKind, Verb};

/// How far back the recorded history goes.
const HISTORY_DAYS: u64 = 730;

type Image = Map<String, Value>;

/// How a row was just before an action.
enum Before {
    /// It did not exist (the action created it).
    Absent,
    /// As after the action, with these columns set otherwise.
    Patched(Vec<(&'static str, Value)>),
    /// It existed with this image (the action deleted it).
    Was(Image),
}

struct Change {
    table: &'static str,
    id: i64,
    old: Option<Image>,
    new: Option<Image>,
}

struct Action {
    days_ago: u64,
    verb: Verb,
    entity: EntityKind,
    name: String,
    changes: Vec<Change>,
}

/// The past under construction, newest action first.
struct Past<'a> {
    tx: &'a Transaction<'a>,
    /// Each row touched so far, as it was just before the oldest action declared yet.
    rows: HashMap<(&'static str, i64), Option<Image>>,
    actions: Vec<Action>,
    fresh: HashMap<&'static str, i64>,
}

impl<'a> Past<'a> {
    fn image(&mut self, table: &'static str, id: i64) -> Result<Option<Image>> {
        if let Some(image) = self.rows.get(&(table, id)) {
            return Ok(image.clone());
        }
        match row_image(self.tx, table, id)? {
            Some(_) => current(self.tx, table, id).map(Some),
            None => Ok(None),
        }
    }

    /// An id no row of `table` has had.
    fn fresh_id(&mut self, table: &'static str) -> Result<i64> {
        let next = match self.fresh.get(table) {
            Some(&n) => n,
            None => {
                let max: i64 = self.tx.query_row(
                    &format!("SELECT coalesce(max(id), 0) FROM {table}"),
                    [],
                    |r| r.get(0),
                )?;
                max + 1
            }
        };
        self.fresh.insert(table, next + 1);
        Ok(next)
    }

    /// Declares an action `days_ago`, older than every action declared before it, and
    /// how each row it touched was before it.
    fn action(
        &mut self,
        days_ago: u64,
        (verb, entity, name): (Verb, EntityKind, &str),
        rows: Vec<(&'static str, i64, Before)>,
    ) -> Result<()> {
        if let Some(last) = self.actions.last() {
            debug_assert!(days_ago >= last.days_ago, "declare the past newest first");
        }
        let mut changes = Vec::new();
        for (table, id, before) in rows {
            let after = self.image(table, id)?;
            let old = match before {
                Before::Absent => None,
                Before::Was(image) => Some(image),
                Before::Patched(patch) => {
                    let mut image = after.clone().ok_or_else(|| {
                        history_error(format!("{table} {id} does not exist to be patched"))
                    })?;
                    for (column, value) in patch {
                        image.insert(column.into(), value);
                    }
                    Some(image)
                }
            };
            self.rows.insert((table, id), old.clone());
            changes.push(Change {
                table,
                id,
                old,
                new: after,
            });
        }
        self.actions.push(Action {
            days_ago,
            verb,
            entity,
            name: name.into(),
            changes,
        });
        Ok(())
    }

    /// Writes the actions, oldest first, closed (not undoable), at 10:00 UTC of their
    /// day plus a minute per action of that day.
    fn write(self, today: NaiveDate) -> Result<()> {
        let mut minute: HashMap<u64, u32> = HashMap::new();
        for action in self.actions.into_iter().rev() {
            let date = today
                .checked_sub_days(Days::new(action.days_ago))
                .unwrap_or(today);
            let m = minute.entry(action.days_ago).or_default();
            let at = date.and_hms_opt(10, 0, 0).expect("10:00").and_utc()
                + chrono::Duration::minutes(i64::from(*m));
            *m += 1;
            let at = stamp(at);
            self.tx.execute(
                "INSERT INTO history_actions (verb, entity, name, at, undone, closed)
                 VALUES (?1, ?2, ?3, ?4, 0, 1)",
                params![action.verb.code(), action.entity.code(), action.name, at],
            )?;
            let id = self.tx.last_insert_rowid();
            for c in &action.changes {
                let text =
                    |i: &Option<Image>| i.as_ref().map(|m| Value::Object(m.clone()).to_string());
                self.tx.execute(
                    "INSERT INTO history_changes (action_id, tbl, row_id, old, new)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, c.table, c.id, text(&c.old), text(&c.new)],
                )?;
            }
            self.tx.execute(
                "INSERT INTO history_events (action_id, kind, at) VALUES (?1, 'do', ?2)",
                params![id, at],
            )?;
        }
        Ok(())
    }
}

fn history_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::History(format!("demo history: {e}"))
}

fn ids(tx: &Transaction<'_>, sql: &str, param: impl rusqlite::ToSql) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([param], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn person(tx: &Transaction<'_>, account: i64, name: &str) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT id FROM stakeholders WHERE account_id = ?1 AND name = ?2",
        params![account, name],
        |r| r.get(0),
    )?)
}

fn days_ago(today: NaiveDate, date: &str) -> Option<u64> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    u64::try_from((today - date).num_days()).ok()
}

/// Everything a person's arrival brought: the person, their roles, ties and coverage
/// (`except` ties to people who came later), and the reporting lines pointing at them.
fn arrival(
    tx: &Transaction<'_>,
    id: i64,
    except: &[i64],
) -> Result<Vec<(&'static str, i64, Before)>> {
    let mut rows = vec![("stakeholders", id, Before::Absent)];
    for r in ids(
        tx,
        "SELECT id FROM stakeholder_roles WHERE stakeholder_id = ?1",
        id,
    )? {
        rows.push(("stakeholder_roles", r, Before::Absent));
    }
    let mut stmt = tx.prepare(
        "SELECT id, from_id, to_id FROM influences WHERE from_id = ?1 OR to_id = ?1 ORDER BY id",
    )?;
    let ties = stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))?;
    for tie in ties {
        let (tie, from, to): (i64, i64, i64) = tie?;
        if !except.contains(&from) && !except.contains(&to) {
            rows.push(("influences", tie, Before::Absent));
        }
    }
    for c in ids(tx, "SELECT id FROM coverage WHERE stakeholder_id = ?1", id)? {
        rows.push(("coverage", c, Before::Absent));
    }
    for (column, sql) in [
        (
            "reports_to",
            "SELECT id FROM stakeholders WHERE reports_to = ?1",
        ),
        (
            "dotted_to",
            "SELECT id FROM stakeholders WHERE dotted_to = ?1",
        ),
    ] {
        for s in ids(tx, sql, id)? {
            rows.push((
                "stakeholders",
                s,
                Before::Patched(vec![(column, Value::Null)]),
            ));
        }
    }
    Ok(rows)
}

/// Writes the demo's past; `today` as in `write_demo`.
pub(super) fn write_past(tx: &Transaction<'_>, today: NaiveDate) -> Result<()> {
    let mut past = Past {
        tx,
        rows: HashMap::new(),
        actions: Vec::new(),
        fresh: HashMap::new(),
    };
    let northwind: i64 = tx.query_row(
        "SELECT id FROM accounts WHERE name = 'Northwind Telecom'",
        [],
        |r| r.get(0),
    )?;
    let who = |name: &str| person(tx, northwind, name);
    let cto = who("CTO – unknown")?;
    let daniel = who("Daniel Fischer")?;
    let team = |name: &str| -> Result<i64> {
        Ok(
            tx.query_row("SELECT id FROM team_members WHERE name = ?1", [name], |r| {
                r.get(0)
            })?,
        )
    };

    // The dated records (stage changes, interactions) of the last two years, and the
    // people's stories, newest first.
    enum Event {
        /// A stage change or interaction (table, id, account name).
        Dated(&'static str, i64, String),
        CtoPlaceholder,
        DanielJoins,
        HaleLeaves,
        /// A stakeholder's attitude changed from `.1`.
        Attitude(&'static str, &'static str),
        /// A coverage tie (team member, stakeholder) weakened from strength `.2`.
        Coverage(&'static str, &'static str, u8),
        /// An account's factor scores on one axis moved by `.2` that day (the
        /// portfolio's quarterly trails move with them).
        Scores(&'static str, &'static str, i64),
        /// A stakeholder's or coverage tie's last contact moved on to that day's
        /// interaction: (table, row, action name, the last contact before).
        Contact(&'static str, i64, String, Option<String>),
    }
    let mut events: Vec<(u64, Event)> = Vec::new();
    for (table, sql) in [
        ("stage_changes", "SELECT s.id, s.date, a.name FROM stage_changes s JOIN accounts a ON a.id = s.account_id"),
        ("interactions", "SELECT i.id, i.date, a.name FROM interactions i JOIN accounts a ON a.id = i.account_id"),
    ] {
        let mut stmt = tx.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        for row in rows {
            let (id, date, account) = row?;
            if let Some(d) = days_ago(today, &date).filter(|d| *d < HISTORY_DAYS) {
                events.push((d, Event::Dated(table, id, account)));
            }
        }
    }
    // Daniel came before his first interaction, at the latest.
    let daniel_first: Option<String> = tx.query_row(
        "SELECT min(i.date) FROM interactions i
         JOIN interaction_stakeholders l ON l.interaction_id = i.id WHERE l.stakeholder_id = ?1",
        [daniel],
        |r| r.get(0),
    )?;
    let daniel_days = daniel_first
        .as_deref()
        .and_then(|d| days_ago(today, d))
        .map_or(120, |d| d.max(120));
    events.extend([
        (30, Event::CtoPlaceholder),
        (daniel_days, Event::DanielJoins),
        (232, Event::HaleLeaves),
        (
            236,
            Event::Coverage("Henrik Sørensen", "Anders Lindqvist", 4),
        ),
        (236, Event::Coverage("Zhang Wei 张伟", "Samuel Okafor", 4)),
        (238, Event::Attitude("Anders Lindqvist", "supporter")),
        (240, Event::Attitude("Margaret Holloway", "supporter")),
        (240, Event::Attitude("Erik Johansson", "neutral")),
        (241, Event::Attitude("Samuel Okafor", "supporter")),
        (430, Event::Attitude("Anders Lindqvist", "neutral")),
        (500, Event::Attitude("Lin Xiaoyu 林晓雨", "supporter")),
        (80, Event::Scores("Northwind Telecom", "relationship", 1)),
        (240, Event::Scores("Northwind Telecom", "relationship", -1)),
        (430, Event::Scores("Northwind Telecom", "relationship", 1)),
        (600, Event::Scores("Northwind Telecom", "attractiveness", 1)),
        (300, Event::Scores("Contoso Logistics", "relationship", 1)),
        (
            550,
            Event::Scores("Contoso Logistics", "attractiveness", -1),
        ),
        (180, Event::Scores("Fabrikam Health", "attractiveness", 1)),
        (400, Event::Scores("Fabrikam Health", "relationship", -1)),
        (
            120,
            Event::Scores(
                "Harbin Precision Machinery 哈尔滨精密机械",
                "attractiveness",
                1,
            ),
        ),
        (
            500,
            Event::Scores(
                "Harbin Precision Machinery 哈尔滨精密机械",
                "relationship",
                1,
            ),
        ),
    ]);
    events.extend(
        contacts(tx, today)?
            .into_iter()
            .map(|(d, table, id, name, before)| (d, Event::Contact(table, id, name, before))),
    );
    // Newest first; on the same day, stories after the day's records (so a person
    // arrives before the day's meeting with them), and the meeting before the last
    // contact it moves on.
    events.sort_by_key(|(d, e)| {
        let rank = match e {
            Event::Contact(..) => 0,
            Event::Dated(..) => 1,
            _ => 2,
        };
        (*d, rank)
    });

    let patch = |column: &'static str, value: Value| Before::Patched(vec![(column, value)]);
    let attitude = |a: &str| patch("attitude", json!(a));
    for (days, event) in events {
        match event {
            Event::Dated(table, id, account) => {
                let mut rows = vec![(table, id, Before::Absent)];
                let entity = if table == "interactions" {
                    for link in ["interaction_stakeholders", "interaction_team_members"] {
                        let sql = format!("SELECT id FROM {link} WHERE interaction_id = ?1");
                        for l in ids(tx, &sql, id)? {
                            rows.push((link, l, Before::Absent));
                        }
                    }
                    EntityKind::Interaction
                } else {
                    EntityKind::StageChange
                };
                past.action(days, (Verb::Create, entity, &account), rows)?;
            }
            Event::CtoPlaceholder => {
                let rows = arrival(tx, cto, &[])?;
                past.action(
                    days,
                    (Verb::Create, EntityKind::Stakeholder, "CTO – unknown"),
                    rows,
                )?;
            }
            Event::DanielJoins => {
                let rows = arrival(tx, daniel, &[cto])?;
                past.action(
                    days,
                    (Verb::Create, EntityKind::Stakeholder, "Daniel Fischer"),
                    rows,
                )?;
            }
            Event::HaleLeaves => {
                // Richard Hale held the CTO's place: his ties and reports were the
                // placeholder's, before it existed.
                let hale = past.fresh_id("stakeholders")?;
                let mut image = current(tx, "stakeholders", cto)?;
                for (column, value) in [
                    ("id", json!(hale)),
                    ("name", json!("Richard Hale")),
                    ("title", json!("Chief Technology Officer")),
                    ("attitude", json!("champion")),
                    ("placeholder", json!(0)),
                    ("reports_to", Value::Null),
                    ("dotted_to", Value::Null),
                    (
                        "org_needs",
                        json!("Network automation; a partner who shares the roadmap."),
                    ),
                    (
                        "notes",
                        json!("Sponsored the joint roadmap. Left after the outage review."),
                    ),
                ] {
                    image.insert(column.into(), value);
                }
                image.insert("reports_to".into(), json!(who("Margaret Holloway")?));
                let mut rows = Vec::new();
                let role = past.fresh_id("stakeholder_roles")?;
                rows.push((
                    "stakeholder_roles",
                    role,
                    Before::Was(obj(
                        json!({"id": role, "stakeholder_id": hale, "role": "decider"}),
                    )),
                ));
                let mut stmt = tx.prepare(
                    "SELECT id FROM influences WHERE from_id = ?1 OR to_id = ?1 ORDER BY id",
                )?;
                let ties: Vec<i64> = stmt
                    .query_map([cto], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for tie in ties {
                    let mut t = current(tx, "influences", tie)?;
                    let id = past.fresh_id("influences")?;
                    t.insert("id".into(), json!(id));
                    t.insert("note".into(), json!(""));
                    for end in ["from_id", "to_id"] {
                        if t.get(end) == Some(&json!(cto)) {
                            t.insert(end.into(), json!(hale));
                        }
                    }
                    rows.push(("influences", id, Before::Was(t)));
                }
                for (member, strength) in [("Henrik Sørensen", 4), ("Raj Patel", 3)] {
                    let id = past.fresh_id("coverage")?;
                    let image = json!({"id": id, "team_member_id": team(member)?,
                        "stakeholder_id": hale, "strength": strength,
                        "last_contact": null, "note": ""});
                    rows.push(("coverage", id, Before::Was(obj(image))));
                }
                for column in ["reports_to", "dotted_to"] {
                    let sql = format!("SELECT id FROM stakeholders WHERE {column} = ?1");
                    for s in ids(tx, &sql, cto)? {
                        rows.push(("stakeholders", s, patch(column, json!(hale))));
                    }
                }
                rows.push(("stakeholders", hale, Before::Was(image)));
                past.action(
                    days,
                    (Verb::Delete, EntityKind::Stakeholder, "Richard Hale"),
                    rows,
                )?;
            }
            Event::Coverage(member, person, strength) => {
                let tie: i64 = tx.query_row(
                    "SELECT id FROM coverage WHERE team_member_id = ?1 AND stakeholder_id = ?2",
                    [team(member)?, who(person)?],
                    |r| r.get(0),
                )?;
                let name = format!("{member} → {person}");
                past.action(
                    days,
                    (Verb::Update, EntityKind::Coverage, &name),
                    vec![("coverage", tie, patch("strength", json!(strength)))],
                )?;
            }
            Event::Scores(account, axis, delta) => {
                let mut rows = Vec::new();
                let mut stmt = tx.prepare(
                    "SELECT s.id, s.score FROM account_factor_scores s
                     JOIN accounts a ON a.id = s.account_id
                     JOIN factors f ON f.id = s.factor_id
                     WHERE a.name = ?1 AND f.axis = ?2 ORDER BY s.id",
                )?;
                let scores: Vec<(i64, i64)> = stmt
                    .query_map([account, axis], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                for (id, _) in scores {
                    // The score just after the change, as the history has it by then.
                    let after = past
                        .image("account_factor_scores", id)?
                        .and_then(|i| i.get("score").and_then(Value::as_i64))
                        .unwrap_or(3);
                    rows.push((
                        "account_factor_scores",
                        id,
                        patch("score", json!((after - delta).clamp(1, 5))),
                    ));
                }
                past.action(days, (Verb::Update, EntityKind::Account, account), rows)?;
            }
            Event::Contact(table, id, name, before) => {
                let entity = if table == "coverage" {
                    EntityKind::Coverage
                } else {
                    EntityKind::Stakeholder
                };
                past.action(
                    days,
                    (Verb::Update, entity, &name),
                    vec![(table, id, patch("last_contact", json!(before)))],
                )?;
            }
            Event::Attitude(name, before) => {
                past.action(
                    days,
                    (Verb::Update, EntityKind::Stakeholder, name),
                    vec![("stakeholders", who(name)?, attitude(before))],
                )?;
            }
        }
    }
    past.write(today)
}

/// A contact step: (days ago, table, row, action name, the last contact before).
type ContactStep = (u64, &'static str, i64, String, Option<String>);

/// Every change of a last contact in the recorded past: each stakeholder's (and each
/// coverage tie's) last contact moved on at each interaction with them (with both
/// ends, for a tie) up to today's value, from the contact before (none before the
/// first). People who arrive in the past (the CTO placeholder, Daniel Fischer) only
/// ever had contacts after arriving, which the ordering of the day keeps.
fn contacts(tx: &Transaction<'_>, today: NaiveDate) -> Result<Vec<ContactStep>> {
    let mut steps = Vec::new();
    let mut add = |table: &'static str, id: i64, name: String, dates: Vec<String>| {
        let mut before: Option<String> = None;
        for date in dates {
            if let Some(d) = days_ago(today, &date).filter(|d| *d < HISTORY_DAYS) {
                steps.push((d, table, id, name.clone(), before.clone()));
            }
            before = Some(date);
        }
    };
    let people: Vec<(i64, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT id, name, last_contact FROM stakeholders
             WHERE last_contact IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, name, last) in people {
        let dates = contact_dates(
            tx,
            "SELECT DISTINCT i.date FROM interactions i
             JOIN interaction_stakeholders l ON l.interaction_id = i.id
             WHERE l.stakeholder_id = ?1 AND i.date <= ?2 ORDER BY i.date",
            params![id, last],
            &last,
        )?;
        add("stakeholders", id, name, dates);
    }
    let ties: Vec<(i64, i64, i64, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT c.id, c.team_member_id, c.stakeholder_id, c.last_contact,
                    m.name || ' → ' || s.name
             FROM coverage c JOIN team_members m ON m.id = c.team_member_id
             JOIN stakeholders s ON s.id = c.stakeholder_id
             WHERE c.last_contact IS NOT NULL ORDER BY c.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, member, person, last, name) in ties {
        let dates = contact_dates(
            tx,
            "SELECT DISTINCT i.date FROM interactions i
             JOIN interaction_stakeholders l ON l.interaction_id = i.id
             JOIN interaction_team_members t ON t.interaction_id = i.id
             WHERE l.stakeholder_id = ?1 AND t.team_member_id = ?2 AND i.date <= ?3
             ORDER BY i.date",
            params![person, member, last],
            &last,
        )?;
        add("coverage", id, name, dates);
    }
    Ok(steps)
}

/// The interaction dates `sql` finds, oldest first, ending with `last` (the row's last
/// contact today, recorded even without an interaction on that day).
fn contact_dates(
    tx: &Transaction<'_>,
    sql: &str,
    params: impl rusqlite::Params,
    last: &str,
) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map(params, |r| r.get::<_, String>(0))?;
    let mut dates: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
    if dates.last().map(String::as_str) != Some(last) {
        dates.push(last.to_string());
    }
    Ok(dates)
}

/// The image of a row as it is today.
fn current(tx: &Transaction<'_>, table: &'static str, id: i64) -> Result<Image> {
    let text =
        row_image(tx, table, id)?.ok_or_else(|| history_error(format!("no {table} row {id}")))?;
    serde_json::from_str(&text).map_err(history_error)
}

fn obj(value: Value) -> Image {
    match value {
        Value::Object(map) => map,
        _ => Image::new(),
    }
}
