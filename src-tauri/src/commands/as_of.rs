//! The workspace over time: how far its history reaches, an account or the portfolio
//! as of a past date, what changed in an account between two dates, and the
//! portfolio's stage timeline, quarterly nine-box trails and stage figures. Nothing
//! here writes; past states are read from private in-memory snapshots.
//!
//! Dates are `YYYY-MM-DD` local days. A malformed date, a date after today or a range
//! whose start is after its end is a `validation` error naming the value; an account
//! that did not exist on the date asked about is `not_found`, naming the date.

use chrono::{Local, NaiveDate};
use rapport_core::analysis::{
    analyze_portfolio as run_portfolio, portfolio_stages as run_stages,
    portfolio_timeline as run_timeline, AccountAsOf, AccountComparison, AccountTrail, HistorySpan,
    PortfolioAnalysis, PortfolioStages, PortfolioTimeline,
};
use rapport_core::validate::parse_date;
use rapport_core::Id;
use rapport_store::StoreError;
use tauri::State;

use crate::error::{AppError, ErrorKind};
use crate::state::AppState;

/// The most quarters a trail may reach back (ten years).
pub const MAX_QUARTERS: u32 = 40;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn format(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A `YYYY-MM-DD` date no later than `today`.
fn past_date(what: &str, value: &str, today: NaiveDate) -> Result<NaiveDate, AppError> {
    let shown: String = value.chars().take(40).collect();
    let date = parse_date(value).ok_or_else(|| {
        AppError::new(
            ErrorKind::Validation,
            format!("the {what} {shown:?} is not a date (YYYY-MM-DD)"),
        )
    })?;
    if date > today {
        return Err(AppError::new(
            ErrorKind::Validation,
            format!("the {what} {value} is after today ({})", format(today)),
        ));
    }
    Ok(date)
}

/// Two dates, `from` no later than `to`, neither after today.
fn date_range(from: &str, to: &str, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), AppError> {
    let start = past_date("start date", from, today)?;
    let end = past_date("end date", to, today)?;
    if start > end {
        return Err(AppError::new(
            ErrorKind::Validation,
            format!("the start date {from} is after the end date {to}"),
        ));
    }
    Ok((start, end))
}

/// An account missing from a past state is `not_found`, with the date in the message.
fn not_then(error: AppError, store: Option<&StoreError>) -> AppError {
    match store {
        Some(StoreError::NotAsOf { .. }) => AppError::new(ErrorKind::NotFound, error.message),
        _ => error,
    }
}

/// Runs `body` on the workspace, reporting an account absent on the date as `not_found`.
async fn with_past<T, F>(state: &AppState, body: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut rapport_store::Workspace) -> Result<T, StoreError> + Send + 'static,
{
    let result = state
        .with_workspace(move |ws| Ok(body(ws).map_err(|e| (AppError::from(&e), e))))
        .await?;
    result.map_err(|(app, store)| not_then(app, Some(&store)))
}

/// The earliest date the workspace's history reaches, and today.
#[tauri::command]
#[specta::specta]
pub async fn history_span(state: State<'_, AppState>) -> Result<HistorySpan, AppError> {
    let today = today();
    state
        .with_workspace(move |ws| {
            Ok(HistorySpan {
                earliest: ws.earliest_history_date()?.map(format),
                today: format(today),
            })
        })
        .await
}

/// One account as of the end of `date`: its records, the team, its analysis (with
/// `date` as today) and its stage analytics.
#[tauri::command]
#[specta::specta]
pub async fn account_as_of(
    state: State<'_, AppState>,
    account_id: Id,
    date: String,
) -> Result<AccountAsOf, AppError> {
    let date = past_date("date", &date, today())?;
    with_past(&state, move |ws| ws.account_as_of(account_id, date)).await
}

/// The portfolio analysis as of the end of `date` (stages and staleness measured
/// against that day).
#[tauri::command]
#[specta::specta]
pub async fn analyze_portfolio_as_of(
    state: State<'_, AppState>,
    date: String,
) -> Result<PortfolioAnalysis, AppError> {
    let date = past_date("date", &date, today())?;
    with_past(&state, move |ws| {
        let past = ws.snapshot_as_of(date)?;
        let details = past.all_account_details()?;
        let team = past.list_team_members()?;
        let factors = past.list_factors()?;
        Ok(run_portfolio(&details, &team, &factors, date))
    })
    .await
}

/// What changed in an account between the ends of `from` and `to`.
#[tauri::command]
#[specta::specta]
pub async fn compare_account(
    state: State<'_, AppState>,
    account_id: Id,
    from: String,
    to: String,
) -> Result<AccountComparison, AppError> {
    let (from, to) = date_range(&from, &to, today())?;
    with_past(&state, move |ws| ws.compare_account(account_id, from, to)).await
}

/// One lane per account (sidebar order) with its stage changes and how it moved
/// between `from` and `to`, from the current records.
#[tauri::command]
#[specta::specta]
pub async fn portfolio_timeline(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<PortfolioTimeline, AppError> {
    let today = today();
    let (from, to) = date_range(&from, &to, today)?;
    state
        .with_workspace(move |ws| Ok(run_timeline(&ws.all_account_stages()?, from, to, today)))
        .await
}

/// Each account's nine-box position at the ends of the last `quarters` (1–40)
/// completed calendar quarters, oldest first, from the workspace as it was then.
#[tauri::command]
#[specta::specta]
pub async fn portfolio_trails(
    state: State<'_, AppState>,
    quarters: u32,
) -> Result<Vec<AccountTrail>, AppError> {
    if !(1..=MAX_QUARTERS).contains(&quarters) {
        return Err(AppError::new(
            ErrorKind::Validation,
            format!("the number of quarters must be between 1 and {MAX_QUARTERS}, not {quarters}"),
        ));
    }
    let today = today();
    state
        .with_workspace(move |ws| ws.portfolio_trails(quarters, today))
        .await
}

/// The accounts by stage at `date`, the mean days spent in each stage and every
/// regression up to `date` (newest first), from the current records.
#[tauri::command]
#[specta::specta]
pub async fn portfolio_stages(
    state: State<'_, AppState>,
    date: String,
) -> Result<PortfolioStages, AppError> {
    let date = past_date("date", &date, today())?;
    state
        .with_workspace(move |ws| Ok(run_stages(&ws.all_account_stages()?, date)))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn dates_are_checked_and_named() {
        let today = day("2026-11-23");
        assert_eq!(past_date("date", "2026-11-23", today).ok(), Some(today));
        for bad in [
            "",
            "2026-13-01",
            "2026-2-01",
            "23.11.2026",
            "2026-11-23T00:00",
        ] {
            let e = past_date("date", bad, today).expect_err(bad);
            assert_eq!(e.kind, ErrorKind::Validation);
            assert!(e.message.contains(&format!("{bad:?}")), "{}", e.message);
        }
        let e = past_date("date", "2026-11-24", today).expect_err("future");
        assert_eq!(e.kind, ErrorKind::Validation);
        assert!(e.message.contains("2026-11-24") && e.message.contains("after today"));
        let e = date_range("2026-05-01", "2026-04-01", today).expect_err("reversed");
        assert!(e.message.contains("2026-05-01") && e.message.contains("2026-04-01"));
        assert_eq!(
            date_range("2026-04-01", "2026-04-01", today).ok(),
            Some((day("2026-04-01"), day("2026-04-01")))
        );
    }

    #[test]
    fn an_account_absent_then_is_not_found() {
        let store = StoreError::NotAsOf {
            entity: "account",
            id: 4,
            date: day("2025-01-01"),
        };
        let e = not_then(AppError::from(&store), Some(&store));
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert!(e.message.contains("2025-01-01"), "{}", e.message);
        let other = StoreError::MissingRow {
            entity: "account",
            id: 4,
        };
        let e = not_then(AppError::from(&other), Some(&other));
        assert_eq!(e.kind, ErrorKind::MissingRow);
    }
}
