//! The error every command returns: a tagged `{ kind, message, fields }` the UI can
//! react to by kind (and show field errors beside their fields), never by matching text.

use rapport_core::FieldError;
use rapport_store::StoreError;
use serde::Serialize;

/// What kind of failure a command met; the UI picks its translated message by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NotFound,
    NotAWorkspace,
    Corrupt,
    NewerSchema,
    Locked,
    ReadOnly,
    AlreadyExists,
    MissingRow,
    NothingToUndo,
    NothingToRedo,
    NoWorkspace,
    NotAllowed,
    Io,
    /// The disk (or the file's size limit) is full: the action was not saved.
    DiskFull,
    Internal,
}

/// A command's failure as the UI receives it.
#[derive(Debug, Clone, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub kind: ErrorKind,
    /// English detail for logs and the "details" line of the error banner.
    pub message: String,
    /// Field-level errors of a `validation` failure (empty otherwise).
    pub fields: Vec<FieldError>,
}

impl AppError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        AppError {
            kind,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    pub fn no_workspace() -> Self {
        AppError::new(ErrorKind::NoWorkspace, "no workspace is open")
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::new(ErrorKind::Internal, message)
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError::from(&error)
    }
}

impl From<&StoreError> for AppError {
    fn from(error: &StoreError) -> Self {
        let message = error.to_string();
        let kind = match error {
            StoreError::Validation(v) => {
                return AppError {
                    kind: ErrorKind::Validation,
                    message,
                    fields: v.errors.clone(),
                }
            }
            StoreError::NotFound(_) => ErrorKind::NotFound,
            StoreError::AlreadyExists(_) => ErrorKind::AlreadyExists,
            StoreError::NotAWorkspace(_) => ErrorKind::NotAWorkspace,
            StoreError::Corrupt { .. } => ErrorKind::Corrupt,
            StoreError::NewerSchema { .. } => ErrorKind::NewerSchema,
            StoreError::Locked(_) => ErrorKind::Locked,
            StoreError::ReadOnly(_) => ErrorKind::ReadOnly,
            StoreError::MissingRow { .. } | StoreError::NotAsOf { .. } => ErrorKind::MissingRow,
            StoreError::NothingTo("redo") => ErrorKind::NothingToRedo,
            StoreError::NothingTo(_) => ErrorKind::NothingToUndo,
            e @ StoreError::Io(_) if e.is_disk_full() => ErrorKind::DiskFull,
            StoreError::Io(_) => ErrorKind::Io,
            e @ (StoreError::Sqlite(_) | StoreError::Migration(_)) => {
                if e.is_disk_full() {
                    ErrorKind::DiskFull
                } else if e.is_disk_failure() {
                    ErrorKind::Io
                } else if e.is_busy() {
                    ErrorKind::Locked
                } else if e.is_read_only() {
                    ErrorKind::ReadOnly
                } else {
                    ErrorKind::Internal
                }
            }
            StoreError::History(_) => ErrorKind::Internal,
            // A refused import file: the message names the element, key and value.
            StoreError::GraphMl { .. } => ErrorKind::Validation,
        };
        AppError::new(kind, message)
    }
}

impl From<tauri::Error> for AppError {
    fn from(error: tauri::Error) -> Self {
        AppError::internal(error.to_string())
    }
}

impl From<std::io::Error> for AppError {
    fn from(error: std::io::Error) -> Self {
        let kind = if error.kind() == std::io::ErrorKind::StorageFull {
            ErrorKind::DiskFull
        } else {
            ErrorKind::Io
        };
        AppError::new(kind, error.to_string())
    }
}
