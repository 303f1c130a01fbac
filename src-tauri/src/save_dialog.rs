//! The native "save as" dialog, shown by Rust so that the webview never names a path,
//! and its test seam: with `RAPPORT_TEST_SAVE_DIR` set to a folder, no dialog is shown
//! and every save goes to `<folder>/<suggested name>` (see docs/security.md).

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::dialog_text::DialogText;
use crate::error::{AppError, ErrorKind};
use crate::prefs::Language;

/// The environment variable of the test seam.
pub const TEST_SAVE_DIR: &str = "RAPPORT_TEST_SAVE_DIR";

/// Where the test seam answers a save dialog suggesting `file_name`, when it is on.
pub fn test_answer(file_name: &str) -> Option<PathBuf> {
    std::env::var_os(TEST_SAVE_DIR)
        .filter(|dir| !dir.is_empty())
        .map(|dir| PathBuf::from(dir).join(file_name))
}

/// What a save dialog shows.
#[derive(Debug, Clone, Copy)]
pub struct SaveRequest<'a> {
    pub title: DialogText,
    /// The file-type filter: its name and extensions (without dots).
    pub filter: (DialogText, &'a [&'a str]),
    /// The file name filled in.
    pub file_name: &'a str,
}

/// Asks where to save, without blocking a runtime thread. `None` when cancelled.
pub async fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
    language: Language,
    request: SaveRequest<'_>,
) -> Result<Option<PathBuf>, AppError> {
    if let Some(path) = test_answer(request.file_name) {
        return Ok(Some(path));
    }
    let (filter, extensions) = request.filter;
    let mut dialog = app
        .dialog()
        .file()
        .add_filter(filter.get(language), extensions)
        .set_title(request.title.get(language))
        .set_file_name(request.file_name);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let (tx, rx) = tokio::sync::oneshot::channel::<Option<FilePath>>();
    dialog.save_file(move |p| {
        let _ = tx.send(p);
    });
    let picked = rx
        .await
        .map_err(|_| AppError::internal("the file dialog closed unexpectedly"))?;
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| AppError::new(ErrorKind::Io, e.to_string()))
        })
        .transpose()
}
