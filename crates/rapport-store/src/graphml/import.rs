//! Writes a checked [`Graph`] into the workspace inside the caller's recorded action.
//! Everything was validated in memory, so the write is set-based: stakeholders get
//! ids counted on from the table's largest, rows go in with multi-row `INSERT`s
//! through cached statements, and the undo images of the bulk rows are recorded by
//! one `INSERT … SELECT` per table instead of a trigger per row. 10,000 people and
//! 100,000 ties import in well under a second (`benches/import.rs`).

use std::collections::HashMap;

use rapport_core::{AccountFields, Id, TeamRole};
use rusqlite::{params, Statement, Transaction};

use super::parse::Graph;
use super::ImportSummary;
use crate::error::Result;
use crate::rows;

/// The account an import writes into.
#[derive(Debug)]
pub(super) enum Target {
    Existing {
        id: Id,
        name: String,
    },
    /// Created by the import; already validated.
    New(AccountFields),
}

impl Target {
    /// The account's name for the history label and the summary.
    pub(super) fn name(&self) -> &str {
        match self {
            Target::Existing { name, .. } => name,
            Target::New(fields) => &fields.name,
        }
    }
}

/// Rows per multi-row `INSERT` (at most 7 × 64 = 448 bound values, far below
/// SQLite's limit).
const BATCH: usize = 64;

/// The tables whose new rows an import records in bulk, in the order they are
/// written (undo replays them backwards: ties first, people last). Only these fixed
/// names are ever put into SQL.
const BULK_TABLES: [&str; 4] = [
    "stakeholders",
    "stakeholder_roles",
    "influences",
    "coverage",
];

/// Counts fit in `u32`: no file holds 4 billion people.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(super) fn write(tx: &Transaction<'_>, graph: &Graph, target: &Target) -> Result<ImportSummary> {
    // The account and team members are few: the history triggers record them.
    let (account_id, account_created) = match target {
        Target::Existing { id, .. } => (*id, false),
        Target::New(fields) => (rows::insert_account(tx, fields)?, true),
    };
    let (team_ids, team_created) = team_members(tx, &graph.team)?;

    // The bulk rows: switch the per-row triggers off and record the rows' images
    // afterwards, set-based, under the same action.
    let action: Option<i64> = tx.query_row(
        "SELECT action_id FROM history_recorder WHERE id = 1",
        [],
        |r| r.get(0),
    )?;
    let mut marks = [0; BULK_TABLES.len()];
    for (mark, table) in marks.iter_mut().zip(BULK_TABLES) {
        *mark = tx.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get::<_, Id>(0),
        )?;
    }
    tx.execute(
        "UPDATE history_recorder SET action_id = NULL WHERE id = 1",
        [],
    )?;

    // Stakeholder i of the file gets id first_person + i.
    let first_person = marks[0] + 1;
    let person_id = |index: usize| first_person + index as Id;
    insert_batched(
        tx,
        "INSERT INTO stakeholders (id, account_id, name, title, attitude, power, interest)",
        7,
        &graph.stakeholders.iter().enumerate().collect::<Vec<_>>(),
        |stmt, at, (i, p)| {
            stmt.raw_bind_parameter(at, person_id(*i))?;
            stmt.raw_bind_parameter(at + 1, account_id)?;
            stmt.raw_bind_parameter(at + 2, p.name.as_str())?;
            stmt.raw_bind_parameter(at + 3, p.title.as_str())?;
            stmt.raw_bind_parameter(at + 4, p.attitude.code())?;
            stmt.raw_bind_parameter(at + 5, p.power)?;
            stmt.raw_bind_parameter(at + 6, p.interest)
        },
    )?;
    let roles: Vec<(Id, &str)> = graph
        .stakeholders
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.roles.iter().map(move |r| (person_id(i), r.code())))
        .collect();
    insert_batched(
        tx,
        "INSERT INTO stakeholder_roles (stakeholder_id, role)",
        2,
        &roles,
        |stmt, at, (id, role)| {
            stmt.raw_bind_parameter(at, *id)?;
            stmt.raw_bind_parameter(at + 1, *role)
        },
    )?;
    insert_batched(
        tx,
        "INSERT INTO influences (account_id, from_id, to_id, strength, kind)",
        5,
        &graph.influences,
        |stmt, at, tie| {
            stmt.raw_bind_parameter(at, account_id)?;
            stmt.raw_bind_parameter(at + 1, person_id(tie.from))?;
            stmt.raw_bind_parameter(at + 2, person_id(tie.to))?;
            stmt.raw_bind_parameter(at + 3, tie.strength)?;
            stmt.raw_bind_parameter(at + 4, tie.kind.code())
        },
    )?;
    insert_batched(
        tx,
        "INSERT INTO coverage (team_member_id, stakeholder_id, strength)",
        3,
        &graph.coverage,
        |stmt, at, tie| {
            stmt.raw_bind_parameter(at, team_ids[tie.team])?;
            stmt.raw_bind_parameter(at + 1, person_id(tie.stakeholder))?;
            stmt.raw_bind_parameter(at + 2, tie.strength)
        },
    )?;

    if let Some(action) = action {
        for (table, mark) in BULK_TABLES.into_iter().zip(marks) {
            record_new_rows(tx, action, table, mark)?;
        }
        tx.execute(
            "UPDATE history_recorder SET action_id = ?1 WHERE id = 1",
            [action],
        )?;
    }

    Ok(ImportSummary {
        account_id,
        account_name: target.name().to_string(),
        account_created,
        stakeholders: count(graph.stakeholders.len()),
        team_members: count(graph.team.len()),
        team_members_created: count(team_created),
        influences: count(graph.influences.len()),
        coverage: count(graph.coverage.len()),
        merged_ties: graph.merged_ties,
    })
}

/// The ids of the file's team members: an existing team member with the same name
/// (the oldest), else a new one with role `other`. Also returns how many are new.
fn team_members(tx: &Transaction<'_>, names: &[String]) -> Result<(Vec<Id>, usize)> {
    let mut by_name: HashMap<String, Id> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT id, name FROM team_members ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, name) = row?;
            by_name.entry(name).or_insert(id);
        }
    }
    let mut ids = Vec::with_capacity(names.len());
    let mut created = 0;
    let mut insert = tx.prepare_cached("INSERT INTO team_members (name, role) VALUES (?1, ?2)")?;
    for name in names {
        let id = match by_name.get(name) {
            Some(id) => *id,
            None => {
                created += 1;
                insert.insert(params![name, TeamRole::Other.code()])?
            }
        };
        ids.push(id);
    }
    Ok((ids, created))
}

/// Inserts `rows` with multi-row `INSERT … VALUES (…), (…)` statements of up to
/// [`BATCH`] rows; `bind` binds one row's `columns` values from the 1-based index it
/// is given.
fn insert_batched<T>(
    tx: &Transaction<'_>,
    head: &str,
    columns: usize,
    rows: &[T],
    bind: impl Fn(&mut Statement<'_>, usize, &T) -> rusqlite::Result<()>,
) -> Result<()> {
    let sql = |n: usize| {
        let row = format!("({})", vec!["?"; columns].join(", "));
        format!("{head} VALUES {}", vec![row; n].join(", "))
    };
    let full = sql(BATCH);
    for chunk in rows.chunks(BATCH) {
        let mut stmt = if chunk.len() == BATCH {
            tx.prepare_cached(&full)?
        } else {
            tx.prepare_cached(&sql(chunk.len()))?
        };
        for (r, row) in chunk.iter().enumerate() {
            bind(&mut stmt, r * columns + 1, row)?;
        }
        stmt.raw_execute()?;
    }
    Ok(())
}

/// Records every row of `table` with an id above `mark` as inserted by `action`, with
/// the image the history triggers would have written: every column of the table, as
/// `history::replay` reads it back.
fn record_new_rows(tx: &Transaction<'_>, action: i64, table: &str, mark: Id) -> Result<()> {
    let columns: Vec<String> = {
        let mut stmt = tx.prepare(&format!("PRAGMA table_info({table})"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(1))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let image = columns
        .iter()
        .map(|c| format!("'{c}', \"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    tx.execute(
        &format!(
            "INSERT INTO history_changes (action_id, tbl, row_id, old, new)
             SELECT ?1, '{table}', id, NULL, json_object({image}) FROM {table}
             WHERE id > ?2 ORDER BY id"
        ),
        params![action, mark],
    )?;
    Ok(())
}
