//! Read commands: the sidebar, one account, the team, the portfolio factors.

use rapport_core::{AccountDetail, AccountSummary, Factor, Id, TeamMember};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_accounts(state: State<'_, AppState>) -> Result<Vec<AccountSummary>, AppError> {
    state.with_workspace(|ws| ws.list_accounts()).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_account(state: State<'_, AppState>, id: Id) -> Result<AccountDetail, AppError> {
    state.with_workspace(move |ws| ws.account_detail(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_team_members(state: State<'_, AppState>) -> Result<Vec<TeamMember>, AppError> {
    state.with_workspace(|ws| ws.list_team_members()).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_factors(state: State<'_, AppState>) -> Result<Vec<Factor>, AppError> {
    state.with_workspace(|ws| ws.list_factors()).await
}
