//! The workspace "as of" a past date (issue 5). The past is the present with the
//! history undone: the events of `history_events` (an action done, undone or redone,
//! each with its time) after the moment asked about are reverted, newest first, on a
//! private copy of the workspace in memory, using the row images the undo history
//! already keeps. The file itself is only read.
//!
//! A date means the end of that day in the machine's local time zone: "as of
//! 2025-03-01" is the state after the last event recorded before local midnight that
//! ends 1 March. An undone action is part of the past between its doing and its
//! undoing (it was what the file showed then); an action done and undone within the
//! same day is invisible at day granularity. The state is always one that existed:
//! it is the state after a prefix of the event log (by sequence, not by clock), so a
//! clock set back cannot produce a mixture. Rows written without history (the file's
//! content before its history began, such as a schema-1 file's rows or the demo's
//! starting point) count as having always been there.

use std::collections::HashMap;

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use rapport_core::analysis::{compare_accounts, AccountComparison, AccountState};
use rapport_core::{AccountDetail, Id, TeamMember};

use crate::error::{Result, StoreError};
use crate::history::{insert_image_sql, replayable, stamp, table_columns};
use crate::recovery::copy_whole;
use crate::workspace::Workspace;

/// The first moment after the local day `date`, as a stored history time.
pub fn end_of_day(date: NaiveDate) -> DateTime<Utc> {
    let next = date
        .succ_opt()
        .unwrap_or(date)
        .and_hms_opt(0, 0, 0)
        .expect("midnight");
    match Local.from_local_datetime(&next) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(early, _) => early.with_timezone(&Utc),
        // Midnight skipped by a clock change: the first hour after it.
        chrono::LocalResult::None => Local
            .from_local_datetime(&(next + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(|| next.and_utc(), |t| t.with_timezone(&Utc)),
    }
}

impl Workspace {
    /// The whole workspace as it was just before `before` (a UTC instant), as a
    /// read-only session in memory: every read method works on it, every write is
    /// refused. The building block of the `…_as_of` reads.
    pub fn snapshot_before(&self, before: DateTime<Utc>) -> Result<Workspace> {
        let mut conn = Connection::open_in_memory()?;
        copy_whole(&self.conn, &mut conn, self.path())?;
        // Deleting a row must not cascade: every row that changed is restored itself.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        revert_after(&mut conn, &stamp(before))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Workspace::read_only_session(conn, self.path()))
    }

    /// The whole workspace at the end of the local day `date` (see the module docs).
    pub fn snapshot_as_of(&self, date: NaiveDate) -> Result<Workspace> {
        self.snapshot_before(end_of_day(date))
    }

    /// One account at the end of the local day `date`. An account that did not exist
    /// then (not yet, or no longer) is [`StoreError::NotAsOf`].
    pub fn account_detail_as_of(&self, account_id: Id, date: NaiveDate) -> Result<AccountDetail> {
        self.snapshot_as_of(date)?
            .account_detail(account_id)
            .map_err(|e| not_as_of(e, date))
    }

    /// Every account that existed at the end of the local day `date`, in the sidebar's
    /// order (the portfolio's input as of that day).
    pub fn all_account_details_as_of(&self, date: NaiveDate) -> Result<Vec<AccountDetail>> {
        self.snapshot_as_of(date)?.all_account_details()
    }
}

/// A missing account in a snapshot is one that did not exist on that date.
pub(crate) fn not_as_of(error: StoreError, date: NaiveDate) -> StoreError {
    match error {
        StoreError::MissingRow { entity, id } => StoreError::NotAsOf { entity, id, date },
        e => e,
    }
}

/// Reverts, in the copy `conn` (foreign keys off, so nothing cascades), every history
/// event after the last one recorded before `before`. Reverting them one by one,
/// newest first, would leave each row as it was before the *earliest* of those
/// changes to it; so each touched row is set to that image directly: first every
/// touched row is deleted, then the rows that existed then are inserted. No
/// intermediate state can break a unique index (a swapped economic buyer, a role
/// removed and added again), and each row is written at most twice however often it
/// changed.
fn revert_after(conn: &mut Connection, before: &str) -> Result<()> {
    revert_events(conn, before, i64::MAX).map(|_| ())
}

/// [`revert_after`] limited to the events up to id `upto`, in a copy where the later
/// ones are reverted already: stepping a copy back from one date to an earlier one
/// touches only the rows changed in between. Returns the id of the last event kept
/// (the `upto` of the next step back).
pub(crate) fn revert_events(conn: &mut Connection, before: &str, upto: i64) -> Result<i64> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let last: i64 = tx
        .query_row(
            "SELECT coalesce(max(id), 0) FROM history_events WHERE at < ?1",
            [before],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    // The changes in the order they took effect: an action done or redone forwards,
    // an undone one backwards. The image a row had before its first change is `old`
    // for a change done, `new` for one undone.
    let mut first: HashMap<(&'static str, i64), Option<String>> = HashMap::new();
    let mut order: Vec<(&'static str, i64)> = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT c.tbl, c.row_id, CASE e.kind WHEN 'undo' THEN c.new ELSE c.old END
             FROM history_events e JOIN history_changes c ON c.action_id = e.action_id
             WHERE e.id > ?1 AND e.id <= ?2
             ORDER BY e.id, CASE e.kind WHEN 'undo' THEN -c.seq ELSE c.seq END",
        )?;
        let mut rows = stmt.query([last, upto])?;
        while let Some(row) = rows.next()? {
            let table = replayable(&row.get::<_, String>(0)?)?;
            let key = (table, row.get::<_, i64>(1)?);
            if let std::collections::hash_map::Entry::Vacant(slot) = first.entry(key) {
                slot.insert(row.get(2)?);
                order.push(key);
            }
        }
    }
    for (table, id) in &order {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?
            .execute([id])?;
    }
    let mut columns: HashMap<&'static str, String> = HashMap::new();
    for key in &order {
        let Some(image) = &first[key] else { continue };
        let table = key.0;
        if !columns.contains_key(table) {
            columns.insert(table, insert_image_sql(table, &table_columns(&tx, table)?));
        }
        tx.prepare_cached(&columns[table])?.execute([image])?;
    }
    tx.commit()?;
    Ok(last)
}

impl Workspace {
    /// What changed in an account between the ends of the local days `from` and `to`
    /// (people, attitudes, ties, stage, coverage and support). The account must exist
    /// on both dates ([`StoreError::NotAsOf`] otherwise).
    pub fn compare_account(
        &self,
        account_id: Id,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AccountComparison> {
        let read = |date: NaiveDate| -> Result<(AccountDetail, Vec<TeamMember>)> {
            let past = self.snapshot_as_of(date)?;
            let detail = past
                .account_detail(account_id)
                .map_err(|e| not_as_of(e, date))?;
            Ok((detail, past.list_team_members()?))
        };
        let (before, team_before) = read(from)?;
        let (after, team_after) = read(to)?;
        Ok(compare_accounts(
            AccountState {
                detail: &before,
                team: &team_before,
                date: from,
            },
            AccountState {
                detail: &after,
                team: &team_after,
                date: to,
            },
        ))
    }
}
