//! Analysis commands: read the account (or portfolio) in one transaction, then run the
//! pure analyses of `rapport_core::analysis` on it. Nothing here writes.

use chrono::Local;
use rapport_core::analysis::{
    analyze_account as run_account, analyze_portfolio as run_portfolio,
    introduction_paths as run_paths, stage_analytics as run_stages, what_if as run_what_if,
    AccountAnalysis, AccountInput, AnalysisError, IntroPath, PortfolioAnalysis, Removal,
    StageAnalytics, WhatIf,
};
use rapport_core::Id;
use tauri::State;

use crate::error::{AppError, ErrorKind};
use crate::state::AppState;

/// The most paths the "path to…" picker may ask for.
const MAX_PATHS: u32 = 20;

impl From<AnalysisError> for AppError {
    fn from(error: AnalysisError) -> Self {
        AppError::new(ErrorKind::MissingRow, error.to_string())
    }
}

fn today() -> chrono::NaiveDate {
    Local::now().date_naive()
}

/// Influence, coverage, support, roles, risks, factions and the key person of one account.
#[tauri::command]
#[specta::specta]
pub async fn analyze_account(
    state: State<'_, AppState>,
    account_id: Id,
) -> Result<AccountAnalysis, AppError> {
    state
        .with_workspace(move |ws| {
            let detail = ws.account_detail(account_id)?;
            let team = ws.list_team_members()?;
            Ok(run_account(&AccountInput {
                detail: &detail,
                team: &team,
                today: today(),
            }))
        })
        .await
}

/// The `k` (1–20) strongest introduction paths from our team to a stakeholder.
#[tauri::command]
#[specta::specta]
pub async fn introduction_paths(
    state: State<'_, AppState>,
    account_id: Id,
    target_id: Id,
    k: u32,
) -> Result<Vec<IntroPath>, AppError> {
    if !(1..=MAX_PATHS).contains(&k) {
        return Err(AppError::new(
            ErrorKind::Validation,
            format!("the number of paths must be between 1 and {MAX_PATHS}, not {k}"),
        ));
    }
    let result = state
        .with_workspace(move |ws| {
            let detail = ws.account_detail(account_id)?;
            let team = ws.list_team_members()?;
            Ok(run_paths(
                &AccountInput {
                    detail: &detail,
                    team: &team,
                    today: today(),
                },
                target_id,
                k as usize,
            ))
        })
        .await?;
    Ok(result?)
}

/// The account with one stakeholder or team member removed, and the deltas.
#[tauri::command]
#[specta::specta]
pub async fn what_if(
    state: State<'_, AppState>,
    account_id: Id,
    removal: Removal,
) -> Result<WhatIf, AppError> {
    let result = state
        .with_workspace(move |ws| {
            let detail = ws.account_detail(account_id)?;
            let team = ws.list_team_members()?;
            Ok(run_what_if(
                &AccountInput {
                    detail: &detail,
                    team: &team,
                    today: today(),
                },
                removal,
            ))
        })
        .await?;
    Ok(result?)
}

/// Nine-box, Pareto, CLV and each account's headline numbers.
#[tauri::command]
#[specta::specta]
pub async fn analyze_portfolio(state: State<'_, AppState>) -> Result<PortfolioAnalysis, AppError> {
    state
        .with_workspace(|ws| {
            let details = ws.all_account_details()?;
            let team = ws.list_team_members()?;
            let factors = ws.list_factors()?;
            Ok(run_portfolio(&details, &team, &factors, today()))
        })
        .await
}

/// Time in each stage, the current stage's age and the regressions of one account.
#[tauri::command]
#[specta::specta]
pub async fn stage_analytics(
    state: State<'_, AppState>,
    account_id: Id,
) -> Result<StageAnalytics, AppError> {
    state
        .with_workspace(move |ws| {
            let detail = ws.account_detail(account_id)?;
            Ok(run_stages(&detail.stage_changes, today()))
        })
        .await
}
