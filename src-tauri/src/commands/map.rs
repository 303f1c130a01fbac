//! The buying-centre map's commands: saved node positions per account and layout,
//! deleting a multi-selection as one action, and exporting the drawn map as an image
//! through a native save dialog.

use rapport_core::{Id, MapLayout, MapPosition, MapSelection};
use rapport_store::{StoreError, Workspace};
use tauri::{AppHandle, Runtime, State};

use crate::commands::entities::changed;
use crate::dialog_text::{effective_language, DialogText};
use crate::error::AppError;
use crate::export::{self, ExportFormat};
use crate::save_dialog::{ask_save_path, SaveRequest};
use crate::state::AppState;

/// The positions the user dragged nodes to in one layout of an account's map.
#[tauri::command]
#[specta::specta]
pub async fn map_positions(
    state: State<'_, AppState>,
    account_id: Id,
    layout: MapLayout,
) -> Result<Vec<MapPosition>, AppError> {
    state
        .with_workspace(move |ws| ws.map_positions(account_id, layout))
        .await
}

/// Saves where these nodes were placed (one undoable action; other saved nodes stay).
#[tauri::command]
#[specta::specta]
pub async fn save_map_positions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    account_id: Id,
    layout: MapLayout,
    positions: Vec<MapPosition>,
) -> Result<(), AppError> {
    edit(&app, &state, move |ws| {
        ws.save_map_positions(account_id, layout, &positions)
    })
    .await
}

/// Forgets the saved positions of one layout ("Re-layout"; one undoable action).
#[tauri::command]
#[specta::specta]
pub async fn reset_map_positions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    account_id: Id,
    layout: MapLayout,
) -> Result<(), AppError> {
    edit(&app, &state, move |ws| {
        ws.reset_map_positions(account_id, layout)
    })
    .await
}

/// Deletes the selected people and ties of an account as one undoable action.
#[tauri::command]
#[specta::specta]
pub async fn delete_elements<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    account_id: Id,
    selection: MapSelection,
) -> Result<(), AppError> {
    edit(&app, &state, move |ws| {
        ws.delete_elements(account_id, &selection)
    })
    .await
}

/// Asks where to save an image of the map and writes it. `data` is base64 of the PNG
/// file's bytes, or the SVG document's text; it is checked before the dialog opens.
/// Returns the file's path, or `null` if cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
    suggested_name: String,
    data: String,
) -> Result<Option<String>, AppError> {
    let bytes = blocking(move || export::image_bytes(format, data)).await?;
    let file_name = export::file_name(&suggested_name, format);
    let request = SaveRequest {
        title: DialogText::ExportTitle,
        filter: (format.filter_name(), &[format.extension()]),
        file_name: &file_name,
    };
    let language = effective_language(state.stored().preferences.language);
    let Some(path) = ask_save_path(&app, language, request).await? else {
        return Ok(None);
    };
    let path = export::with_extension(path, format)?;
    let target = path.clone();
    blocking(move || Ok(export::write_atomically(&target, &bytes)?)).await?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// Runs one write on the workspace, then backs up when due and tells every view.
async fn edit<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    body: impl FnOnce(&mut Workspace) -> Result<(), StoreError> + Send + 'static,
) -> Result<(), AppError> {
    state.with_workspace(body).await?;
    state.back_up(false).await;
    changed(app)
}

/// Runs decoding and file writes off the async runtime's threads.
async fn blocking<T: Send + 'static>(
    body: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(body)
        .await
        .map_err(|e| AppError::internal(format!("background task failed: {e}")))?
}
