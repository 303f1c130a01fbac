//! The app's state: the open workspace (at most one per window for now), the data
//! directory, and the user's preferences. SQLite work runs on blocking threads, never
//! on the UI or async threads.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rapport_store::{StoreError, Workspace};
use serde::Serialize;

use crate::error::AppError;
use crate::prefs::{self, Stored};

/// What the UI shows about the open file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct WorkspaceInfo {
    pub path: String,
    pub file_name: String,
    pub schema_version: u32,
}

/// Shared by every command through `tauri::State`.
#[derive(Debug)]
pub struct AppState {
    workspace: Arc<Mutex<Option<Workspace>>>,
    data_dir: PathBuf,
    stored: Mutex<Stored>,
    startup_error: Mutex<Option<AppError>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave SQLite half-written (transactions
    // roll back), so the data behind a poisoned lock is still consistent.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        let stored = Stored::load(&data_dir);
        AppState {
            workspace: Arc::new(Mutex::new(None)),
            data_dir,
            stored: Mutex::new(stored),
            startup_error: Mutex::new(None),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Runs `body` on the open workspace on a blocking thread.
    pub async fn with_workspace<T, F>(&self, body: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> Result<T, StoreError> + Send + 'static,
    {
        let workspace = Arc::clone(&self.workspace);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = lock(&workspace);
            let ws = guard.as_mut().ok_or_else(AppError::no_workspace)?;
            body(ws).map_err(AppError::from)
        })
        .await
        .map_err(|e| AppError::internal(format!("background task failed: {e}")))?
    }

    /// Opens (or, with `create`, creates) the workspace at `path` and makes it the
    /// current one. If that fails, the current workspace stays open and unchanged.
    pub async fn switch_to(&self, path: PathBuf, create: bool) -> Result<WorkspaceInfo, AppError> {
        let workspace = Arc::clone(&self.workspace);
        let info =
            tauri::async_runtime::spawn_blocking(move || -> Result<WorkspaceInfo, AppError> {
                let mut guard = lock(&workspace);
                if let Some(current) = guard.as_ref() {
                    if same_file(current.path(), &path) {
                        return info_of(current);
                    }
                }
                let opened = if create {
                    Workspace::create(&path)?
                } else {
                    Workspace::open(&path)?
                };
                let info = info_of(&opened)?;
                *guard = Some(opened);
                Ok(info)
            })
            .await
            .map_err(|e| AppError::internal(format!("background task failed: {e}")))??;
        self.remember(Path::new(&info.path));
        Ok(info)
    }

    /// Installs an already opened workspace (at start-up).
    pub fn install(&self, workspace: Workspace) {
        self.remember(workspace.path());
        *lock(&self.workspace) = Some(workspace);
    }

    pub fn info(&self) -> Result<Option<WorkspaceInfo>, AppError> {
        lock(&self.workspace).as_ref().map(info_of).transpose()
    }

    /// The open workspace's path, if any.
    pub fn current_path(&self) -> Option<PathBuf> {
        lock(&self.workspace)
            .as_ref()
            .map(|w| w.path().to_path_buf())
    }

    fn remember(&self, path: &Path) {
        let mut stored = lock(&self.stored);
        stored.remember(path);
        // Failing to save the recent list must not fail the open.
        let _ = stored.save(&self.data_dir);
    }

    pub fn stored(&self) -> Stored {
        lock(&self.stored).clone()
    }

    pub fn update_stored(&self, change: impl FnOnce(&mut Stored)) -> Result<(), AppError> {
        let mut stored = lock(&self.stored);
        change(&mut stored);
        stored.save(&self.data_dir)?;
        Ok(())
    }

    pub fn set_startup_error(&self, error: AppError) {
        *lock(&self.startup_error) = Some(error);
    }

    pub fn take_startup_error(&self) -> Option<AppError> {
        lock(&self.startup_error).take()
    }
}

fn info_of(ws: &Workspace) -> Result<WorkspaceInfo, AppError> {
    Ok(WorkspaceInfo {
        path: ws.path().to_string_lossy().into_owned(),
        file_name: prefs::file_name(ws.path()),
        schema_version: u32::try_from(ws.schema_version()?).unwrap_or(u32::MAX),
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
