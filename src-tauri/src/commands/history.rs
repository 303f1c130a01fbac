//! Undo and redo of user actions (persisted in the workspace).

use rapport_store::HistoryState;
use tauri::{AppHandle, Runtime, State};
use tauri_specta::Event;

use crate::error::AppError;
use crate::events::{ChangeReason, WorkspaceChanged};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn history_state(state: State<'_, AppState>) -> Result<HistoryState, AppError> {
    state.with_workspace(|ws| ws.history_state()).await
}

#[tauri::command]
#[specta::specta]
pub async fn undo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<HistoryState, AppError> {
    let result = state.with_workspace(|ws| ws.undo()).await?;
    WorkspaceChanged {
        reason: ChangeReason::Undo,
    }
    .emit(&app)?;
    Ok(result)
}

#[tauri::command]
#[specta::specta]
pub async fn redo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<HistoryState, AppError> {
    let result = state.with_workspace(|ws| ws.redo()).await?;
    WorkspaceChanged {
        reason: ChangeReason::Redo,
    }
    .emit(&app)?;
    Ok(result)
}
