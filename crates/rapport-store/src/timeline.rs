//! The reads behind the portfolio timeline over time: how far back the history
//! reaches, one account with everything as of a date, and each account's quarterly
//! nine-box trail (one past snapshot per quarter end, so that factor scores and
//! weights are those of the time). The analyses themselves are
//! `rapport_core::analysis::timeline`.

use std::collections::HashMap;

use chrono::{DateTime, Local, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};

use rapport_core::analysis::{
    analyze_account, portfolio_trails, quarter_ends, stage_analytics, AccountAsOf, AccountInput,
    AccountStages, AccountTrail, QuarterState,
};
use rapport_core::{
    Factor, FactorAxis, FactorFields, FactorScore, Id, Stage, StageChange, StageChangeFields,
};

use crate::as_of::{end_of_day, not_as_of, revert_events};
use crate::error::Result;
use crate::history::stamp;
use crate::recovery::copy_whole;
use crate::workspace::Workspace;

impl Workspace {
    /// The earliest local date on which a history event was recorded; `None` for a
    /// file without history (its content then counts as having always been there).
    pub fn earliest_history_date(&self) -> Result<Option<NaiveDate>> {
        let at: Option<String> = self
            .conn
            .query_row("SELECT min(at) FROM history_events", [], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(at
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Local).date_naive()))
    }

    /// Whether a snapshot before `at` would revert anything (an event after the last
    /// one recorded before `at`, as `snapshot_before` counts them): if not, the
    /// workspace as of then is the workspace now.
    fn history_since(&self, at: DateTime<Utc>) -> Result<bool> {
        let found: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM history_events WHERE id >
                 (SELECT coalesce(max(id), 0) FROM history_events WHERE at < ?1))",
            [stamp(at)],
            |r| r.get(0),
        )?;
        Ok(found)
    }

    /// Every account's sidebar line with its stage changes (by date, then id), in the
    /// sidebar's order: the input of the portfolio timeline and stage figures, read
    /// without the people, ties and interactions they do not need.
    pub fn all_account_stages(&self) -> Result<Vec<AccountStages>> {
        let accounts = self.list_accounts()?;
        let mut changes: HashMap<Id, Vec<StageChange>> = HashMap::new();
        self.with_read(|tx| {
            let mut stmt = tx.prepare(
                "SELECT id, account_id, date, stage, evidence FROM stage_changes
                 ORDER BY date, id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let code: String = r.get(3)?;
                let stage = Stage::from_code(&code).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        3,
                        rusqlite::types::Type::Text,
                        format!("unexpected code {code:?}").into(),
                    )
                })?;
                let change = StageChange {
                    id: r.get(0)?,
                    fields: StageChangeFields {
                        account_id: r.get(1)?,
                        date: r.get(2)?,
                        stage,
                        evidence: r.get(4)?,
                    },
                };
                changes
                    .entry(change.fields.account_id)
                    .or_default()
                    .push(change);
            }
            Ok(())
        })?;
        Ok(accounts
            .into_iter()
            .map(|account| AccountStages {
                stage_changes: changes.remove(&account.id).unwrap_or_default(),
                account,
            })
            .collect())
    }

    /// One account with the team, its analysis and stage analytics, all as of the end
    /// of the local day `date` (the analysis's "today" is that date). An account that
    /// did not exist then is [`crate::StoreError::NotAsOf`].
    pub fn account_as_of(&self, account_id: Id, date: NaiveDate) -> Result<AccountAsOf> {
        let past = self.snapshot_as_of(date)?;
        let detail = past
            .account_detail(account_id)
            .map_err(|e| not_as_of(e, date))?;
        let team = past.list_team_members()?;
        let analysis = analyze_account(&AccountInput {
            detail: &detail,
            team: &team,
            today: date,
        });
        let stages = stage_analytics(&detail.stage_changes, date);
        Ok(AccountAsOf {
            date: date.format("%Y-%m-%d").to_string(),
            detail,
            team,
            analysis,
            stages,
        })
    }

    /// Each account of this workspace (in the sidebar's order) with its nine-box
    /// position at the ends of the last `quarters` calendar quarters completed before
    /// `today`, oldest first, each from the workspace as it was that day.
    pub fn portfolio_trails(&self, quarters: u32, today: NaiveDate) -> Result<Vec<AccountTrail>> {
        let ids: Vec<Id> = self.list_accounts()?.into_iter().map(|a| a.id).collect();
        self.portfolio_trails_of(&ids, quarters, today)
    }

    /// [`Workspace::portfolio_trails`] for the accounts `ids`, in that order (those of
    /// a past portfolio, say).
    ///
    /// One private copy of the file in memory serves every quarter: reverted to the
    /// newest quarter end, read, then reverted further to the one before, and so on
    /// (each step back only touches the rows changed in between). Only the factor scores and
    /// the factors are read. Quarters after which nothing changed read the file itself.
    pub fn portfolio_trails_of(
        &self,
        ids: &[Id],
        quarters: u32,
        today: NaiveDate,
    ) -> Result<Vec<AccountTrail>> {
        let dates = quarter_ends(today, quarters);
        let mut states: Vec<(NaiveDate, Positions)> = Vec::with_capacity(dates.len());
        let mut copy: Option<Connection> = None;
        // The events still in effect in the copy: those up to this id.
        let mut upto = i64::MAX;
        for &date in dates.iter().rev() {
            let before = end_of_day(date);
            let positions = match copy.as_mut() {
                None if !self.history_since(before)? => self.with_read(|tx| read_positions(tx))?,
                existing => {
                    let conn = match existing {
                        Some(conn) => conn,
                        None => {
                            let mut conn = Connection::open_in_memory()?;
                            copy_whole(&self.conn, &mut conn, self.path())?;
                            // Restoring a row must not cascade (as in `snapshot_before`).
                            conn.pragma_update(None, "foreign_keys", "OFF")?;
                            copy.insert(conn)
                        }
                    };
                    upto = revert_events(conn, &stamp(before), upto)?;
                    read_positions(conn)?
                }
            };
            states.push((date, positions));
        }
        states.reverse();
        let quarters: Vec<QuarterState<'_>> = states
            .iter()
            .map(|(date, (scores, factors))| QuarterState {
                date: *date,
                scores,
                factors,
            })
            .collect();
        Ok(portfolio_trails(ids, &quarters))
    }
}

/// Each account's factor scores (accounts without any are left out) and the factors.
type Positions = (HashMap<Id, Vec<FactorScore>>, Vec<Factor>);

fn read_positions(conn: &Connection) -> Result<Positions> {
    let mut scores: HashMap<Id, Vec<FactorScore>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT s.account_id, s.factor_id, s.score FROM account_factor_scores s
             JOIN accounts a ON a.id = s.account_id ORDER BY s.account_id, s.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            scores.entry(r.get(0)?).or_default().push(FactorScore {
                factor_id: r.get(1)?,
                score: r.get(2)?,
            });
        }
    }
    let mut stmt = conn.prepare("SELECT id, axis, name, weight FROM factors ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut factors = Vec::new();
    while let Some(r) = rows.next()? {
        let axis: String = r.get(1)?;
        // An unknown axis cannot be stored (a CHECK constraint); skip it if it were.
        let Some(axis) = FactorAxis::from_code(&axis) else {
            continue;
        };
        factors.push(Factor {
            id: r.get(0)?,
            fields: FactorFields {
                axis,
                name: r.get(2)?,
                weight: r.get(3)?,
            },
        });
    }
    Ok((scores, factors))
}
