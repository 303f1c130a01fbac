//! Undo and redo, persisted in the workspace. Every user action runs in one
//! transaction; while it runs, triggers (migration 0002) record the before and after
//! image of each row it touches, cascades included. Undo replays the before images in
//! reverse, redo the after images forward, both with recording switched off.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::workspace::Workspace;

/// What an action did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Verb {
    Create,
    Update,
    Delete,
    Import,
}

impl Verb {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Verb::Create => "create",
            Verb::Update => "update",
            Verb::Delete => "delete",
            Verb::Import => "import",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "create" => Verb::Create,
            "update" => Verb::Update,
            "delete" => Verb::Delete,
            "import" => Verb::Import,
            _ => return None,
        })
    }
}

/// Which kind of thing an action touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Account,
    OrgUnit,
    Stakeholder,
    Influence,
    TeamMember,
    Coverage,
    Interaction,
    StageChange,
    Factor,
    Workspace,
    /// The saved node positions of an account's map (named after the account).
    Map,
    /// Several people and ties deleted together from the map.
    Selection,
}

impl EntityKind {
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Account => "account",
            EntityKind::OrgUnit => "org_unit",
            EntityKind::Stakeholder => "stakeholder",
            EntityKind::Influence => "influence",
            EntityKind::TeamMember => "team_member",
            EntityKind::Coverage => "coverage",
            EntityKind::Interaction => "interaction",
            EntityKind::StageChange => "stage_change",
            EntityKind::Factor => "factor",
            EntityKind::Workspace => "workspace",
            EntityKind::Map => "map",
            EntityKind::Selection => "selection",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [
            EntityKind::Account,
            EntityKind::OrgUnit,
            EntityKind::Stakeholder,
            EntityKind::Influence,
            EntityKind::TeamMember,
            EntityKind::Coverage,
            EntityKind::Interaction,
            EntityKind::StageChange,
            EntityKind::Factor,
            EntityKind::Workspace,
            EntityKind::Map,
            EntityKind::Selection,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// How an action is named in the Undo/Redo menu ("delete stakeholder Li Wei"); the UI
/// translates verb and entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActionLabel {
    pub verb: Verb,
    pub entity: EntityKind,
    /// The name of the thing acted on, as it was.
    pub name: String,
}

impl ActionLabel {
    pub fn new(verb: Verb, entity: EntityKind, name: impl Into<String>) -> Self {
        ActionLabel {
            verb,
            entity,
            name: name.into(),
        }
    }
}

/// What Undo and Redo would do now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
    pub undo_label: Option<ActionLabel>,
    pub redo_label: Option<ActionLabel>,
}

/// Tables whose rows history may replay. A table name read back from the history is
/// only ever used in SQL after it is found here.
pub(crate) const REPLAYABLE: &[&str] = &[
    "factors",
    "accounts",
    "account_factor_scores",
    "account_clv",
    "org_units",
    "stakeholders",
    "stakeholder_roles",
    "influences",
    "team_members",
    "coverage",
    "map_positions",
    "interactions",
    "interaction_stakeholders",
    "interaction_team_members",
    "stage_changes",
];

impl Workspace {
    /// Runs one user action: a single immediate transaction in which `body` writes and
    /// the triggers record every row change under a new history entry. If `body` fails,
    /// nothing is written. An action that changes something discards the redo stack;
    /// one that changes nothing leaves no trace, so Redo still works after it (the map
    /// saves positions after every drag, including drags that end where they began).
    pub(crate) fn act<T>(
        &mut self,
        label: ActionLabel,
        body: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.refuse_if_read_only()?;
        let at = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO history_actions (verb, entity, name, at) VALUES (?1, ?2, ?3, ?4)",
            params![label.verb.code(), label.entity.code(), label.name, at],
        )?;
        let action_id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE history_recorder SET action_id = ?1 WHERE id = 1",
            [action_id],
        )?;
        let value = body(&tx)?;
        tx.execute(
            "UPDATE history_recorder SET action_id = NULL WHERE id = 1",
            [],
        )?;
        let changes: i64 = tx.query_row(
            "SELECT count(*) FROM history_changes WHERE action_id = ?1",
            [action_id],
            |r| r.get(0),
        )?;
        if changes == 0 {
            // An edit that changed nothing is not worth an undo step.
            tx.execute("DELETE FROM history_actions WHERE id = ?1", [action_id])?;
        } else {
            // The redo stack is discarded, but what those actions did while they were in
            // effect stays in the past ("as of"): they are closed, not deleted.
            tx.execute(
                "UPDATE history_actions SET closed = 1 WHERE undone = 1 AND closed = 0",
                [],
            )?;
            record_event(&tx, action_id, "do", &at)?;
        }
        tx.commit()?;
        Ok(value)
    }

    /// Writes without recording history (demo data, imports of a fresh file), in one
    /// transaction.
    pub(crate) fn write_unrecorded<T>(
        &mut self,
        body: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.refuse_if_read_only()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE history_recorder SET action_id = NULL WHERE id = 1",
            [],
        )?;
        let value = body(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Undoes the latest action that is not undone yet.
    pub fn undo(&mut self) -> Result<HistoryState> {
        self.refuse_if_read_only()?;
        let at = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let action: Option<i64> = tx
            .query_row(
                "SELECT id FROM history_actions WHERE undone = 0 AND closed = 0
                 ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let Some(action) = action else {
            return Err(StoreError::NothingTo("undo"));
        };
        replay(&tx, action, Direction::Backward)?;
        tx.execute(
            "UPDATE history_actions SET undone = 1 WHERE id = ?1",
            [action],
        )?;
        record_event(&tx, action, "undo", &at)?;
        tx.commit()?;
        self.history_state()
    }

    /// Redoes the earliest undone action.
    pub fn redo(&mut self) -> Result<HistoryState> {
        self.refuse_if_read_only()?;
        let at = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let action: Option<i64> = tx
            .query_row(
                "SELECT id FROM history_actions WHERE undone = 1 AND closed = 0
                 ORDER BY id ASC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let Some(action) = action else {
            return Err(StoreError::NothingTo("redo"));
        };
        replay(&tx, action, Direction::Forward)?;
        tx.execute(
            "UPDATE history_actions SET undone = 0 WHERE id = ?1",
            [action],
        )?;
        record_event(&tx, action, "redo", &at)?;
        tx.commit()?;
        self.history_state()
    }

    /// What Undo and Redo would do now.
    pub fn history_state(&self) -> Result<HistoryState> {
        let undo_label = self.label_of(
            "SELECT verb, entity, name FROM history_actions WHERE undone = 0 AND closed = 0
             ORDER BY id DESC LIMIT 1",
        )?;
        let redo_label = self.label_of(
            "SELECT verb, entity, name FROM history_actions WHERE undone = 1 AND closed = 0
             ORDER BY id ASC LIMIT 1",
        )?;
        Ok(HistoryState {
            can_undo: undo_label.is_some(),
            can_redo: redo_label.is_some(),
            undo_label,
            redo_label,
        })
    }

    /// Empties the undo and redo stacks. The past stays queryable ("as of"): the
    /// actions are closed, not deleted, so nothing an as-of date needs is lost.
    pub fn clear_history(&mut self) -> Result<()> {
        self.refuse_if_read_only()?;
        self.conn
            .execute("UPDATE history_actions SET closed = 1 WHERE closed = 0", [])?;
        Ok(())
    }

    /// Makes history record `at` as the time of every following action, undo and redo
    /// instead of the clock (`None`: the clock again). For tests and the demo's
    /// backdated history only.
    #[doc(hidden)]
    pub fn set_clock_for_tests(&mut self, at: Option<chrono::DateTime<chrono::Utc>>) {
        self.clock = at;
    }

    /// The time history records now, in the stored format (RFC 3339 UTC with
    /// milliseconds, `2026-03-01T09:30:00.000Z`, which sorts as text).
    pub(crate) fn now(&self) -> String {
        stamp(self.clock.unwrap_or_else(chrono::Utc::now))
    }

    fn label_of(&self, sql: &str) -> Result<Option<ActionLabel>> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((verb, entity, name)) = row else {
            return Ok(None);
        };
        let verb = Verb::from_code(&verb)
            .ok_or_else(|| StoreError::History(format!("unknown verb {verb:?}")))?;
        let entity = EntityKind::from_code(&entity)
            .ok_or_else(|| StoreError::History(format!("unknown entity {entity:?}")))?;
        Ok(Some(ActionLabel { verb, entity, name }))
    }
}

/// The stored form of a history time.
pub(crate) fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Notes that `action` took effect (`do`, `redo`) or was taken back (`undo`) at `at`.
fn record_event(tx: &Transaction<'_>, action: i64, kind: &str, at: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO history_events (action_id, kind, at) VALUES (?1, ?2, ?3)",
        params![action, kind, at],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Backward,
    Forward,
}

struct Change {
    table: String,
    row_id: i64,
    old: Option<String>,
    new: Option<String>,
}

/// Applies one action's recorded changes in the given direction. Foreign keys are
/// checked at commit, so the order of re-inserted parents and children does not matter.
fn replay(tx: &Transaction<'_>, action: i64, direction: Direction) -> Result<()> {
    tx.execute(
        "UPDATE history_recorder SET action_id = NULL WHERE id = 1",
        [],
    )?;
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let order = match direction {
        Direction::Backward => "DESC",
        Direction::Forward => "ASC",
    };
    let changes: Vec<Change> = {
        let mut stmt = tx.prepare(&format!(
            "SELECT tbl, row_id, old, new FROM history_changes WHERE action_id = ?1 ORDER BY seq {order}"
        ))?;
        let rows = stmt.query_map([action], |r| {
            Ok(Change {
                table: r.get(0)?,
                row_id: r.get(1)?,
                old: r.get(2)?,
                new: r.get(3)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Statements are prepared once per table and reused (an import undoes in one
    // replay of 100,000 rows).
    let mut columns: HashMap<&'static str, Vec<String>> = HashMap::new();
    for change in changes {
        let table = replayable(&change.table)?;
        if !columns.contains_key(table) {
            columns.insert(table, table_columns(tx, table)?);
        }
        let cols = &columns[table];
        let (from, to) = match direction {
            Direction::Backward => (change.new, change.old),
            Direction::Forward => (change.old, change.new),
        };
        match (from, to) {
            // The row should not exist afterwards.
            (Some(_), None) => {
                tx.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?
                    .execute([change.row_id])?;
            }
            // The row should exist afterwards with this image.
            (None, Some(image)) => {
                tx.prepare_cached(&insert_image_sql(table, cols))?
                    .execute([image])?;
            }
            (Some(_), Some(image)) => {
                let sets = cols
                    .iter()
                    .filter(|c| c.as_str() != "id")
                    .map(|c| format!("{c} = json_extract(?1, '$.{c}')"))
                    .collect::<Vec<_>>()
                    .join(", ");
                tx.prepare_cached(&format!("UPDATE {table} SET {sets} WHERE id = ?2"))?
                    .execute(params![image, change.row_id])?;
            }
            (None, None) => {}
        }
    }
    Ok(())
}

/// The table named by a history row, if history may replay it.
pub(crate) fn replayable(table: &str) -> Result<&'static str> {
    REPLAYABLE
        .iter()
        .copied()
        .find(|t| *t == table)
        .ok_or_else(|| StoreError::History(format!("unknown table {table:?}")))
}

/// The image the history triggers record of row `id` of `table` as it is now.
pub(crate) fn row_image(tx: &Transaction<'_>, table: &str, id: i64) -> Result<Option<String>> {
    let table = replayable(table)?;
    let image = table_columns(tx, table)?
        .iter()
        .map(|c| format!("'{c}', \"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(tx
        .query_row(
            &format!("SELECT json_object({image}) FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Inserts the row whose JSON image is parameter 1.
pub(crate) fn insert_image_sql(table: &str, cols: &[String]) -> String {
    let names = cols.join(", ");
    let values = cols
        .iter()
        .map(|c| format!("json_extract(?1, '$.{c}')"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("INSERT INTO {table} ({names}) SELECT {values}")
}

pub(crate) fn table_columns(tx: &Transaction<'_>, table: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(&format!("PRAGMA table_info({table})"))?;
    let cols = stmt
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}
