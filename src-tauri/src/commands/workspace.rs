//! Workspace files: which one is open, new / open / open recent / save a copy. File
//! paths come only from native dialogs shown by Rust or from the recent list, so the
//! webview never names an arbitrary path.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FilePath};
use tauri_specta::Event;

use crate::dialog_text::{effective_language, DialogText};
use crate::error::{AppError, ErrorKind};
use crate::events::{ChangeReason, WorkspaceChanged};
use crate::prefs::RecentFile;
use crate::state::{AppState, WorkspaceInfo};

/// The open workspace, or `null` when none could be opened.
#[tauri::command]
#[specta::specta]
pub async fn workspace_info(state: State<'_, AppState>) -> Result<Option<WorkspaceInfo>, AppError> {
    state.info()
}

/// Why the workspace chosen at start-up could not be opened (once; then `null`).
#[tauri::command]
#[specta::specta]
pub async fn take_startup_error(state: State<'_, AppState>) -> Result<Option<AppError>, AppError> {
    Ok(state.take_startup_error())
}

#[tauri::command]
#[specta::specta]
pub async fn list_recent_files(state: State<'_, AppState>) -> Result<Vec<RecentFile>, AppError> {
    Ok(state.stored().recent_files())
}

#[derive(Debug, Clone, Copy)]
enum DialogKind {
    Open,
    Save(DialogText),
}

/// Shows a native file dialog and waits for the user's choice without blocking a
/// runtime thread.
async fn ask_path<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    kind: DialogKind,
) -> Result<Option<PathBuf>, AppError> {
    let language = effective_language(state.stored().preferences.language);
    if let DialogKind::Save(_) = kind {
        // The test seam of every save dialog (see save_dialog.rs).
        if let Some(path) = crate::save_dialog::test_answer(DialogText::UntitledFile.get(language))
        {
            return Ok(Some(path));
        }
    }
    let mut dialog = app
        .dialog()
        .file()
        .add_filter(DialogText::FilterName.get(language), &["rapport"]);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let (tx, rx) = tokio::sync::oneshot::channel::<Option<FilePath>>();
    match kind {
        DialogKind::Open => dialog
            .set_title(DialogText::OpenTitle.get(language))
            .pick_file(move |p| {
                let _ = tx.send(p);
            }),
        DialogKind::Save(title) => dialog
            .set_title(title.get(language))
            .set_file_name(DialogText::UntitledFile.get(language))
            .save_file(move |p| {
                let _ = tx.send(p);
            }),
    }
    let picked = rx
        .await
        .map_err(|_| AppError::internal("the file dialog closed unexpectedly"))?;
    let Some(picked) = picked else {
        return Ok(None);
    };
    let mut path = picked
        .into_path()
        .map_err(|e| AppError::new(ErrorKind::Io, e.to_string()))?;
    if matches!(kind, DialogKind::Save(_)) && path.extension().is_none() {
        path.set_extension("rapport");
    }
    Ok(Some(path))
}

/// Sets the window title to the open file and tells every view to re-read.
pub(crate) fn announce<R: Runtime>(
    app: &AppHandle<R>,
    info: &WorkspaceInfo,
) -> Result<(), AppError> {
    if let Some(window) = app.get_webview_window("main") {
        window.set_title(&format!("{} — Rapport", info.file_name))?;
    }
    WorkspaceChanged {
        reason: ChangeReason::Opened,
    }
    .emit(app)?;
    Ok(())
}

/// Asks where to create a new, empty workspace, creates it and switches to it.
#[tauri::command]
#[specta::specta]
pub async fn new_workspace<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<WorkspaceInfo>, AppError> {
    let Some(path) = ask_path(&app, &state, DialogKind::Save(DialogText::NewTitle)).await? else {
        return Ok(None);
    };
    if path.exists() {
        // The dialog asked whether to replace it; a workspace file is never silently
        // overwritten with an empty one: remove only after the user confirmed in the
        // native dialog, and only if it is not the open file.
        if state.current_path().as_deref() == Some(path.as_path()) {
            return Err(AppError::new(
                ErrorKind::AlreadyExists,
                format!("{} is the open workspace", path.display()),
            ));
        }
        std::fs::remove_file(&path)?;
    }
    let info = state.switch_to(path, true).await?;
    announce(&app, &info)?;
    Ok(Some(info))
}

/// Asks which workspace to open and switches to it; on failure the current one stays.
#[tauri::command]
#[specta::specta]
pub async fn open_workspace<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<WorkspaceInfo>, AppError> {
    let Some(path) = ask_path(&app, &state, DialogKind::Open).await? else {
        return Ok(None);
    };
    let info = state.switch_to(path, false).await?;
    announce(&app, &info)?;
    Ok(Some(info))
}

/// Opens a file from the recent list (and only from it).
#[tauri::command]
#[specta::specta]
pub async fn open_recent<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceInfo, AppError> {
    let path = PathBuf::from(path);
    if !state.stored().is_recent(&path) {
        return Err(AppError::new(
            ErrorKind::NotAllowed,
            "only files from the recent list can be opened this way",
        ));
    }
    let info = state.switch_to(path, false).await?;
    announce(&app, &info)?;
    Ok(info)
}

/// Asks where to save a copy and writes it with SQLite's online backup API. Returns
/// the copy's path, or `null` if cancelled. The open workspace stays the same.
#[tauri::command]
#[specta::specta]
pub async fn save_copy<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let Some(path) = ask_path(&app, &state, DialogKind::Save(DialogText::SaveCopyTitle)).await?
    else {
        return Ok(None);
    };
    let dest = path.clone();
    state.with_workspace(move |ws| ws.save_copy(&dest)).await?;
    Ok(Some(path.to_string_lossy().into_owned()))
}
