//! Backups and recovery: list and restore the open workspace's backups, and the
//! choices offered when a file cannot be opened. No command takes a path the backend
//! did not list itself (see `crate::recovery`).

use std::path::PathBuf;

use tauri::{AppHandle, Runtime, State};
use tauri_specta::Event;

use crate::commands::workspace::announce;
use crate::dialog_text::{effective_language, DialogText};
use crate::error::AppError;
use crate::events::{ChangeReason, WorkspaceChanged};
use crate::prefs;
use crate::recovery::{BackupInfo, OpenFailure, RecoveredFile};
use crate::save_dialog::{ask_save_path, SaveRequest};
use crate::state::{AppState, WorkspaceInfo};

/// The open workspace's automatic backups, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, AppError> {
    state.list_backups()
}

/// Restores one of `list_backups` into the open workspace (after backing up its
/// current state, so that this can be undone by restoring that backup).
#[tauri::command]
#[specta::specta]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceInfo, AppError> {
    let info = state.restore_backup(PathBuf::from(path)).await?;
    WorkspaceChanged {
        reason: ChangeReason::Restored,
    }
    .emit(&app)?;
    Ok(info)
}

/// The last file that could not be opened, and its choices (`null` if none).
#[tauri::command]
#[specta::specta]
pub async fn open_failure(state: State<'_, AppState>) -> Result<Option<OpenFailure>, AppError> {
    state.open_failure()
}

/// Opens the file that could not be opened as a read-only session.
#[tauri::command]
#[specta::specta]
pub async fn open_read_only<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<WorkspaceInfo, AppError> {
    let info = state.open_failed_read_only().await?;
    announce(&app, &info)?;
    Ok(info)
}

/// Replaces the damaged file that could not be opened with one of its backups (the
/// damaged file is kept beside it) and opens it.
#[tauri::command]
#[specta::specta]
pub async fn restore_failed_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<RecoveredFile, AppError> {
    let recovered = state.restore_failed_file(PathBuf::from(path)).await?;
    announce(&app, &recovered.workspace)?;
    Ok(recovered)
}

/// Asks where to save a byte-for-byte copy of the damaged file that could not be
/// opened (to send it for rescue) and writes it. Returns its path, or `null` if
/// cancelled. The damaged file is only read.
#[tauri::command]
#[specta::specta]
pub async fn copy_failed_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let source = state.failed_file_to_copy()?;
    let language = effective_language(state.stored().preferences.language);
    let request = SaveRequest {
        title: DialogText::SaveCopyTitle,
        filter: (DialogText::FilterName, &["rapport"]),
        file_name: &prefs::file_name(&source),
    };
    let Some(dest) = ask_save_path(&app, language, request).await? else {
        return Ok(None);
    };
    state.copy_failed_file(dest.clone()).await?;
    Ok(Some(dest.to_string_lossy().into_owned()))
}
