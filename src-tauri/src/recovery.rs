//! Backups and recovery for the UI: the open workspace's backups and restoring one,
//! and the choices offered when a file cannot be opened (open it read-only, restore it
//! from a backup, save a byte copy for rescue). Every path the webview sends back is
//! checked against a list the backend made itself: a backup it listed, or the file
//! whose open just failed.

use std::path::{Path, PathBuf};

use rapport_store::backup::list_backups;
use rapport_store::{StoreError, Workspace};
use serde::Serialize;

use crate::error::{AppError, ErrorKind};
use crate::prefs;
use crate::state::{backup_place, blocking, lock, AppState, Opened, WorkspaceInfo};

/// One backup as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct BackupInfo {
    pub path: String,
    /// When it was taken, local time, ISO 8601 without offset (`2026-11-23T10:15:00`).
    pub taken_at: String,
    pub size_bytes: u64,
}

/// A file that could not be opened, and what can be done about it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct OpenFailure {
    pub path: String,
    pub file_name: String,
    /// Why: `corrupt`, `not_a_workspace`, `newer_schema` or `read_only`.
    pub error: AppError,
    /// "Open read-only" makes sense: the file is read-only on disk, or from a newer
    /// Rapport that declares this version a safe reader.
    pub can_open_read_only: bool,
    /// "Restore from backup…" and "Make a copy…" make sense: the file is damaged or
    /// not a workspace.
    pub can_recover: bool,
    /// This file's automatic backups, newest first (empty when it never had any).
    pub backups: Vec<BackupInfo>,
}

/// A damaged file replaced by one of its backups.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RecoveredFile {
    pub workspace: WorkspaceInfo,
    /// Where the damaged file was kept, beside it.
    pub damaged_copy: String,
}

/// The last refused open the UI offers choices for.
#[derive(Debug, Clone)]
pub struct FailedOpen {
    path: PathBuf,
    error: AppError,
    read_only_possible: bool,
    recoverable: bool,
}

impl FailedOpen {
    /// The record of `error`, if it is a refusal with choices (damaged, not a
    /// workspace, newer, read-only); `None` for others (missing, locked, disk errors).
    pub fn of(error: &StoreError) -> Option<FailedOpen> {
        let (read_only_possible, recoverable) = match error {
            StoreError::ReadOnly(_) => (true, false),
            StoreError::NewerSchema { readable, .. } => (*readable, false),
            StoreError::Corrupt { .. } | StoreError::NotAWorkspace(_) => (false, true),
            _ => return None,
        };
        Some(FailedOpen {
            path: error.file()?.to_path_buf(),
            error: AppError::from(error),
            read_only_possible,
            recoverable,
        })
    }
}

fn backup_infos(data_dir: &Path, path: &Path) -> Result<Vec<BackupInfo>, AppError> {
    let (dir, stem) = backup_place(data_dir, path);
    Ok(list_backups(&dir, &stem)?
        .into_iter()
        .map(|b| BackupInfo {
            path: b.path.to_string_lossy().into_owned(),
            taken_at: b.taken.format("%Y-%m-%dT%H:%M:%S").to_string(),
            size_bytes: b.size_bytes,
        })
        .collect())
}

/// Refuses `backup` unless it is one of the backups of `path` (as listed to the UI).
fn check_listed(data_dir: &Path, path: &Path, backup: &Path) -> Result<(), AppError> {
    let listed = backup_infos(data_dir, path)?;
    if listed.iter().any(|b| Path::new(&b.path) == backup) {
        Ok(())
    } else {
        Err(AppError::new(
            ErrorKind::NotAllowed,
            "only a backup listed for this workspace can be restored",
        ))
    }
}

fn not_allowed_without_failure() -> AppError {
    AppError::new(
        ErrorKind::NotAllowed,
        "there is no refused file with that choice to act on",
    )
}

impl AppState {
    /// The open workspace's backups, newest first.
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>, AppError> {
        let path = self.current_path().ok_or_else(AppError::no_workspace)?;
        backup_infos(self.data_dir(), &path)
    }

    /// Restores one of the open workspace's backups into it, after backing up its
    /// current state (so restoring that backup undoes this). Refused in a read-only
    /// session, and for any path that is not one of its listed backups.
    pub async fn restore_backup(&self, backup: PathBuf) -> Result<WorkspaceInfo, AppError> {
        let current = self.current_path().ok_or_else(AppError::no_workspace)?;
        check_listed(self.data_dir(), &current, &backup)?;
        let (dir, stem) = backup_place(self.data_dir(), &current);
        let now = chrono::Local::now().naive_local();
        self.with_workspace(move |ws| {
            if ws.is_read_only() {
                return Err(StoreError::ReadOnly(ws.path().to_path_buf()));
            }
            // Another workspace opened meanwhile: the backup is not one of its own.
            if ws.path() != current {
                return Err(StoreError::NotFound(backup));
            }
            // A bad backup is refused before anything is written, even a backup.
            rapport_store::recovery::check_backup(&backup)?;
            ws.back_up_before_restore(&dir, &stem, now)?;
            ws.restore_from(&backup)
        })
        .await?;
        self.info()?.ok_or_else(AppError::no_workspace)
    }

    /// The last refused open with choices, with the refused file's backups.
    pub fn open_failure(&self) -> Result<Option<OpenFailure>, AppError> {
        let Some(failed) = lock(&self.open_failure).clone() else {
            return Ok(None);
        };
        Ok(Some(OpenFailure {
            path: failed.path.to_string_lossy().into_owned(),
            file_name: prefs::file_name(&failed.path),
            backups: if failed.recoverable {
                backup_infos(self.data_dir(), &failed.path)?
            } else {
                Vec::new()
            },
            error: failed.error,
            can_open_read_only: failed.read_only_possible,
            can_recover: failed.recoverable,
        }))
    }

    fn failed(&self, wanted: impl Fn(&FailedOpen) -> bool) -> Result<FailedOpen, AppError> {
        lock(&self.open_failure)
            .clone()
            .filter(|f| wanted(f))
            .ok_or_else(not_allowed_without_failure)
    }

    /// Opens the refused file read-only, when that is one of its choices.
    pub async fn open_failed_read_only(&self) -> Result<WorkspaceInfo, AppError> {
        let failed = self.failed(|f| f.read_only_possible)?;
        self.open_instead(move |_| Ok(Opened::New(Workspace::open_read_only(&failed.path)?, ())))
            .await
            .map(|(info, _)| info)
    }

    /// Replaces the refused (damaged) file with one of its listed backups, keeping the
    /// damaged file beside it, and opens it.
    pub async fn restore_failed_file(&self, backup: PathBuf) -> Result<RecoveredFile, AppError> {
        let failed = self.failed(|f| f.recoverable)?;
        check_listed(self.data_dir(), &failed.path, &backup)?;
        let now = chrono::Local::now().naive_local();
        let (workspace, kept) = self
            .open_instead(move |_| {
                let (ws, kept) =
                    rapport_store::recovery::replace_with_backup(&failed.path, &backup, now)?;
                Ok(Opened::New(ws, kept))
            })
            .await?;
        Ok(RecoveredFile {
            workspace,
            damaged_copy: kept
                .map(|k| k.to_string_lossy().into_owned())
                .unwrap_or_default(),
        })
    }

    /// The refused (damaged) file's path, when "Make a copy…" is one of its choices.
    pub fn failed_file_to_copy(&self) -> Result<PathBuf, AppError> {
        Ok(self.failed(|f| f.recoverable)?.path)
    }

    /// Copies the refused file byte for byte to `dest` (the user's choice in a native
    /// dialog); the file itself is only read.
    pub async fn copy_failed_file(&self, dest: PathBuf) -> Result<(), AppError> {
        let source = self.failed_file_to_copy()?;
        blocking(move || Ok(rapport_store::recovery::copy_for_rescue(&source, &dest)?)).await
    }
}
