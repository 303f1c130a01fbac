//! The app's state: the open workspace (at most one per window for now), the data
//! directory, and the user's preferences. SQLite work runs on blocking threads, never
//! on the UI or async threads.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rapport_store::backup::BackupPolicy;
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
    /// The workspace last backed up, and when.
    last_backup: Arc<Mutex<Option<(PathBuf, Instant)>>>,
    stored: Mutex<Stored>,
    startup_error: Mutex<Option<AppError>>,
}

/// Editing time between two automatic backups of the same workspace.
const BACKUP_EVERY: Duration = Duration::from_secs(30 * 60);

/// Where the backups of `path` go: `<data dir>/backups`, named after the file plus a
/// hash of its full path, so that two `Plan.rapport` in different folders stay apart.
pub fn backup_place(data_dir: &Path, path: &Path) -> (PathBuf, String) {
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let hash = full
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    (
        data_dir.join("backups"),
        format!("{stem}-{:08x}", hash as u32),
    )
}

fn back_up_now(
    workspace: &Mutex<Option<Workspace>>,
    last: &Mutex<Option<(PathBuf, Instant)>>,
    data_dir: &Path,
    force: bool,
) {
    let guard = lock(workspace);
    let Some(ws) = guard.as_ref() else { return };
    let mut last = lock(last);
    let due = match last.as_ref() {
        Some((path, at)) if path == ws.path() => force || at.elapsed() >= BACKUP_EVERY,
        _ => true,
    };
    if !due {
        return;
    }
    let (dir, stem) = backup_place(data_dir, ws.path());
    let now = chrono::Local::now().naive_local();
    match ws.back_up(&dir, &stem, now, &BackupPolicy::default()) {
        Ok(_) => *last = Some((ws.path().to_path_buf(), Instant::now())),
        Err(e) => eprintln!(
            "rapport: automatic backup of {} failed: {e}",
            ws.path().display()
        ),
    }
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
            last_backup: Arc::new(Mutex::new(None)),
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
        self.back_up(true).await;
        Ok(info)
    }

    /// Installs an already opened workspace (at start-up), and backs it up.
    pub fn install(&self, workspace: Workspace) {
        self.remember(workspace.path());
        *lock(&self.workspace) = Some(workspace);
        back_up_now(&self.workspace, &self.last_backup, &self.data_dir, true);
    }

    /// Backs the open workspace up into the data folder: always with `force` (on
    /// open), else when the last backup of this file is 30 minutes old (after edits).
    /// A failed backup is reported on stderr and never fails the user's action.
    pub async fn back_up(&self, force: bool) {
        let workspace = Arc::clone(&self.workspace);
        let last = Arc::clone(&self.last_backup);
        let data_dir = self.data_dir.clone();
        let _ = tauri::async_runtime::spawn_blocking(move || {
            back_up_now(&workspace, &last, &data_dir, force)
        })
        .await;
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
