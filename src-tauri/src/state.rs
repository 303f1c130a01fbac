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
use crate::recovery::FailedOpen;

/// What the UI shows about the open file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct WorkspaceInfo {
    pub path: String,
    pub file_name: String,
    pub schema_version: u32,
    /// A read-only session: every edit, undo and redo is refused with `read_only`.
    pub read_only: bool,
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
    /// The last open that failed in a way the UI offers choices for (`recovery.rs`).
    pub(crate) open_failure: Arc<Mutex<Option<FailedOpen>>>,
    /// Test seam `RAPPORT_TEST_MAX_PAGES`: caps every workspace opened at this many
    /// pages (SQLite's `max_page_count`, per connection), so end-to-end tests can fill
    /// the "disk". `None` in normal use.
    test_max_pages: Arc<Mutex<Option<i64>>>,
}

/// The environment variable of the disk-full test seam (see docs/security.md).
pub const TEST_MAX_PAGES: &str = "RAPPORT_TEST_MAX_PAGES";

/// The page cap asked for by `value` of [`TEST_MAX_PAGES`] (a positive whole number).
pub fn test_max_pages(value: Option<&str>) -> Option<i64> {
    value
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|n| *n > 0)
}

/// What opening a file gave: the current workspace was that file already, or a new
/// workspace (and whatever else the opener returned).
pub(crate) enum Opened<T> {
    AlreadyOpen,
    New(Workspace, T),
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

/// Applies the test seam's page cap to a workspace just opened.
fn apply_page_cap(ws: &Workspace, cap: Option<i64>) {
    if let Some(pages) = cap {
        if let Err(e) = ws.set_max_page_count_for_tests(pages) {
            eprintln!("rapport: {TEST_MAX_PAGES} not applied: {e}");
        }
    }
}

/// Runs `body` on a blocking thread (SQLite and file work never runs on async ones).
pub(crate) async fn blocking<T: Send + 'static>(
    body: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(body)
        .await
        .map_err(|e| AppError::internal(format!("background task failed: {e}")))?
}

fn back_up_now(
    workspace: &Mutex<Option<Workspace>>,
    last: &Mutex<Option<(PathBuf, Instant)>>,
    data_dir: &Path,
    force: bool,
) {
    let guard = lock(workspace);
    // A read-only session never changes the file: nothing new to keep.
    let Some(ws) = guard.as_ref().filter(|ws| !ws.is_read_only()) else {
        return;
    };
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

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
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
            open_failure: Arc::new(Mutex::new(None)),
            test_max_pages: Arc::new(Mutex::new(test_max_pages(
                std::env::var(TEST_MAX_PAGES).ok().as_deref(),
            ))),
        }
    }

    /// Test hook: caps the open workspace, and every one opened later, at `pages`
    /// pages, as `RAPPORT_TEST_MAX_PAGES` does; `None` lifts the cap for workspaces
    /// opened later (and sets SQLite's maximum on the open one). Returns the cap
    /// SQLite applied to the open workspace.
    #[doc(hidden)]
    pub async fn set_max_pages_for_tests(&self, pages: Option<i64>) -> Result<i64, AppError> {
        *lock(&self.test_max_pages) = pages;
        self.with_workspace(move |ws| ws.set_max_page_count_for_tests(pages.unwrap_or(0xffff_fffe)))
            .await
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
        blocking(move || {
            let mut guard = lock(&workspace);
            let ws = guard.as_mut().ok_or_else(AppError::no_workspace)?;
            body(ws).map_err(AppError::from)
        })
        .await
    }

    /// Opens (or, with `create`, creates) the workspace at `path` and makes it the
    /// current one. If that fails, the current workspace stays open and unchanged, and
    /// a failure the UI offers choices for is remembered (`open_failure`).
    pub async fn switch_to(&self, path: PathBuf, create: bool) -> Result<WorkspaceInfo, AppError> {
        self.open_instead(move |current| {
            // Opening the open file again is a no-op, unless it is open read-only: then
            // this is the attempt to open it for writing.
            if current.is_some_and(|c| !c.is_read_only() && same_file(c.path(), &path)) {
                return Ok(Opened::AlreadyOpen);
            }
            let opened = if create {
                Workspace::create(&path)?
            } else {
                Workspace::open(&path)?
            };
            Ok(Opened::New(opened, ()))
        })
        .await
        .map(|(info, _)| info)
    }

    /// Runs `open` (given the current workspace) on a blocking thread and makes what it
    /// opened the current workspace: remembered in the recent list and backed up. A
    /// refusal leaves the current workspace as it was and is remembered for the UI's
    /// choices; a success forgets the last refusal.
    pub(crate) async fn open_instead<T: Send + 'static>(
        &self,
        open: impl FnOnce(Option<&Workspace>) -> Result<Opened<T>, StoreError> + Send + 'static,
    ) -> Result<(WorkspaceInfo, Option<T>), AppError> {
        let workspace = Arc::clone(&self.workspace);
        let failure = Arc::clone(&self.open_failure);
        let cap = *lock(&self.test_max_pages);
        let (info, extra) = blocking(move || {
            let mut guard = lock(&workspace);
            let opened = open(guard.as_ref()).map_err(|e| {
                *lock(&failure) = FailedOpen::of(&e);
                AppError::from(e)
            })?;
            *lock(&failure) = None;
            match opened {
                Opened::AlreadyOpen => {
                    let current = guard.as_ref().ok_or_else(AppError::no_workspace)?;
                    Ok((info_of(current)?, None))
                }
                Opened::New(ws, extra) => {
                    apply_page_cap(&ws, cap);
                    let info = info_of(&ws)?;
                    *guard = Some(ws);
                    Ok((info, Some(extra)))
                }
            }
        })
        .await?;
        self.remember(Path::new(&info.path));
        self.back_up(true).await;
        Ok((info, extra))
    }

    /// Installs an already opened workspace (at start-up), and backs it up.
    pub fn install(&self, workspace: Workspace) {
        self.remember(workspace.path());
        apply_page_cap(&workspace, *lock(&self.test_max_pages));
        *lock(&self.workspace) = Some(workspace);
        back_up_now(&self.workspace, &self.last_backup, &self.data_dir, true);
    }

    /// Remembers why the start-up workspace could not be opened, for the UI.
    pub fn set_startup_failure(&self, error: StoreError) {
        *lock(&self.open_failure) = FailedOpen::of(&error);
        self.set_startup_error(error.into());
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

pub(crate) fn info_of(ws: &Workspace) -> Result<WorkspaceInfo, AppError> {
    Ok(WorkspaceInfo {
        path: ws.path().to_string_lossy().into_owned(),
        file_name: prefs::file_name(ws.path()),
        schema_version: u32::try_from(ws.schema_version()?).unwrap_or(u32::MAX),
        read_only: ws.is_read_only(),
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
