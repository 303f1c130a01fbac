//! The store's one error type: every way opening, reading or writing a workspace can
//! fail, each specific enough for the UI and the command line to say what to do.

use std::path::PathBuf;

use rapport_core::ValidationError;

/// What went wrong with a workspace file or a write to it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} does not exist", .0.display())]
    NotFound(PathBuf),
    #[error("{} already exists; choose another name", .0.display())]
    AlreadyExists(PathBuf),
    #[error("{} is not a Rapport workspace", .0.display())]
    NotAWorkspace(PathBuf),
    #[error("{} is damaged ({detail}); open a backup or a copy instead", .path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{} was written by a newer Rapport (schema {found}; this version reads up to {supported}); update Rapport to open it",
        .path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
        /// The newer Rapport declared that this version can still read the file
        /// (`read_compatible_from` in `workspace_meta`), so it may be opened read-only.
        readable: bool,
    },
    #[error("{} is open in another Rapport window or program; close it there first", .0.display())]
    Locked(PathBuf),
    #[error("{} is read-only; save a copy to edit it", .0.display())]
    ReadOnly(PathBuf),
    #[error("{0}")]
    Validation(#[from] ValidationError),
    #[error("no {entity} with id {id}")]
    MissingRow { entity: &'static str, id: i64 },
    /// The row exists (or existed) but not on the date asked about ("as of").
    #[error("no {entity} with id {id} as of {date}")]
    NotAsOf {
        entity: &'static str,
        id: i64,
        date: chrono::NaiveDate,
    },
    #[error("nothing to {0}")]
    NothingTo(&'static str),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("history error: {0}")]
    History(String),
    /// A GraphML file was refused; nothing was imported.
    #[error("invalid GraphML: {}", graphml_message(.element, .key.as_deref(), .value.as_deref(), .message))]
    GraphMl {
        /// The node or edge at fault, as `node "n3"` or `edge "e7" (n1 → n2)`; empty
        /// when the fault is in the file as a whole.
        element: String,
        /// The data key (or attribute) at fault, if any: `power`, `roles`, `source`.
        key: Option<String>,
        /// The value as written in the file, if any.
        value: Option<String>,
        /// What is wrong with it and what is allowed.
        message: String,
    },
}

/// `node "n3", key "power": "7" is not a whole number from 1 to 5`.
fn graphml_message(element: &str, key: Option<&str>, value: Option<&str>, message: &str) -> String {
    const LIMIT: usize = 60;
    let mut text = String::new();
    if !element.is_empty() {
        text.push_str(element);
        if let Some(key) = key {
            text.push_str(&format!(", key {key:?}"));
        }
        text.push_str(": ");
    }
    if let Some(value) = value {
        let clipped: String = if value.chars().count() > LIMIT {
            value.chars().take(LIMIT).chain(['…']).collect()
        } else {
            value.to_string()
        };
        text.push_str(&format!("{clipped:?} "));
    }
    text.push_str(message);
    text
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// Did the disk refuse a write (full, I/O error, read-only medium)? The action was
    /// rolled back; the user should free space or save a copy elsewhere.
    pub fn is_disk_failure(&self) -> bool {
        matches!(
            self.sqlite_code(),
            Some(rusqlite::ErrorCode::DiskFull) | Some(rusqlite::ErrorCode::SystemIoFailure)
        )
    }

    /// Did the disk (or the test cap on the file's size) run out of space? A narrower
    /// case of [`StoreError::is_disk_failure`]: the action was rolled back.
    pub fn is_disk_full(&self) -> bool {
        match self {
            StoreError::Io(e) => e.kind() == std::io::ErrorKind::StorageFull,
            _ => self.sqlite_code() == Some(rusqlite::ErrorCode::DiskFull),
        }
    }

    /// The file an open-time refusal is about (`None` for other errors).
    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            StoreError::NotFound(p)
            | StoreError::NotAWorkspace(p)
            | StoreError::Locked(p)
            | StoreError::ReadOnly(p)
            | StoreError::Corrupt { path: p, .. }
            | StoreError::NewerSchema { path: p, .. } => Some(p),
            _ => None,
        }
    }

    /// Was the file busy in another connection?
    pub fn is_busy(&self) -> bool {
        matches!(
            self.sqlite_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    /// Did SQLite refuse to write because the file or medium is read-only?
    pub fn is_read_only(&self) -> bool {
        matches!(self.sqlite_code(), Some(rusqlite::ErrorCode::ReadOnly))
    }

    fn sqlite_code(&self) -> Option<rusqlite::ErrorCode> {
        match self {
            StoreError::Sqlite(e) => e.sqlite_error_code(),
            StoreError::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
                err.sqlite_error_code()
            }
            _ => None,
        }
    }
}
