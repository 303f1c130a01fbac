//! Opening, creating and copying a workspace file: the checks that keep a damaged,
//! foreign, locked or newer file untouched, and the pragmas that make every saved
//! action durable.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Result, StoreError};
use crate::migrate;

/// `PRAGMA application_id` of every Rapport workspace ("RAPP").
pub const APPLICATION_ID: i32 = 0x5241_5050;

/// How long to wait for a lock held by another connection before saying "locked".
const BUSY_TIMEOUT: Duration = Duration::from_millis(1500);

/// An open workspace file. It owns its SQLite connection; callers use its methods and
/// never see the connection, a transaction or a lock guard.
#[derive(Debug)]
pub struct Workspace {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// This process's claim on the file (released on drop, after the connection).
    _claim: Option<OpenFileClaim>,
    /// A read-only session (`recovery.rs`): every write is refused with
    /// [`StoreError::ReadOnly`] and the connection itself is `query_only`.
    pub(crate) read_only: bool,
    /// The time history records instead of the clock (tests and the demo's backdated
    /// history; see [`Workspace::set_clock_for_tests`]).
    pub(crate) clock: Option<chrono::DateTime<chrono::Utc>>,
}

impl Workspace {
    /// Creates a new, empty workspace at `path` (which must not exist yet), with the
    /// default portfolio factors.
    ///
    /// The file is built under a temporary name beside `path`, closed, and only then
    /// given its name, so a crash leaves either no workspace or a complete one.
    pub fn create(path: &Path) -> Result<Self> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        let dir = parent_dir(path);
        let temp = dir.join(format!(
            ".{}.creating-{}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "workspace.rapport".into()),
            std::process::id()
        ));
        let _ = std::fs::remove_file(&temp);
        let built = (|| -> Result<()> {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let mut conn = Connection::open_with_flags(&temp, flags)?;
            // A plain rollback journal while building: closing leaves one file.
            conn.pragma_update(None, "synchronous", "FULL")?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            migrate::to_latest(&mut conn)?;
            let mut building = Workspace {
                conn,
                path: temp.clone(),
                _claim: None,
                read_only: false,
                clock: None,
            };
            building.seed_defaults()?;
            drop(building);
            // Never replace a file that appeared meanwhile: a hard link fails if the
            // name is taken (rename would overwrite it).
            match std::fs::hard_link(&temp, path) {
                Ok(()) => {
                    std::fs::remove_file(&temp)?;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(StoreError::AlreadyExists(path.to_path_buf()));
                }
                // File systems without hard links (FAT): check, then rename.
                Err(_) => {
                    if path.exists() {
                        return Err(StoreError::AlreadyExists(path.to_path_buf()));
                    }
                    std::fs::rename(&temp, path)?;
                }
            }
            sync_dir(dir);
            Ok(())
        })();
        if let Err(e) = built {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        Workspace::open(path)
    }

    /// Opens an existing workspace, migrating an older schema forward. Refuses, without
    /// changing a byte, a file that is missing, read-only, not a Rapport workspace,
    /// damaged, from a newer Rapport, or open elsewhere.
    pub fn open(path: &Path) -> Result<Self> {
        let metadata = existing_file(path)?;
        if metadata.permissions().readonly() {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        // A second handle in this process on the same file is refused before SQLite
        // opens it (SQLite would share the lock with the first one).
        let registered = OpenFiles::claim(&metadata, path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify(e, path))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read-only checks first: nothing below writes until they pass. Closing the
        // connection of a refused file must not checkpoint its write-ahead log into it
        // either (SQLite does on close by default), so that is off until they pass.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| classify(e, path))?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotAWorkspace(path.to_path_buf()));
        }
        let version = migrate::schema_version(&conn).map_err(|e| classify(e, path))?;
        if version > migrate::LATEST {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                supported: migrate::LATEST,
                readable: crate::recovery::readable_by_this_build(&conn),
            });
        }
        let check: String = conn
            .pragma_query_value(None, "quick_check", |r| r.get(0))
            .map_err(|e| classify(e, path))?;
        if check != "ok" {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: check,
            });
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        configure(&conn, path)?;
        migrate::to_latest(&mut conn)?;
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
            _claim: Some(registered),
            read_only: false,
            clock: None,
        })
    }

    /// A workspace in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::to_latest(&mut conn)?;
        let mut workspace = Workspace {
            conn,
            path: PathBuf::from(":memory:"),
            _claim: None,
            read_only: false,
            clock: None,
        };
        workspace.seed_defaults()?;
        Ok(workspace)
    }

    /// The file this workspace lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A read-only session over `conn` (a private copy of the file at `path`).
    pub(crate) fn read_only_session(conn: Connection, path: &Path) -> Self {
        Workspace {
            conn,
            path: path.to_path_buf(),
            _claim: None,
            read_only: true,
            clock: None,
        }
    }

    /// Is this a read-only session ([`Workspace::open_read_only`])?
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses a write in a read-only session, before any validation or SQL.
    pub(crate) fn refuse_if_read_only(&self) -> Result<()> {
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        Ok(())
    }

    /// The schema version of the open file (after migration, always the latest).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrate::schema_version(&self.conn)?)
    }

    /// Writes a consistent copy of the workspace to `dest` with SQLite's online backup
    /// API. The copy is written beside `dest` and renamed into place, so `dest` is
    /// either the old file or the complete copy, never half of one.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        if same_file(&self.path, dest) {
            return Err(StoreError::AlreadyExists(dest.to_path_buf()));
        }
        copy_database(&self.conn, dest)
    }

    /// Test hook: caps the file at `pages` pages for this connection only (`PRAGMA
    /// max_page_count`, never stored in the file), so a test can make the disk "full"
    /// at a chosen moment. Returns the cap SQLite applied, which is never below the
    /// file's current size. Not for the app.
    #[doc(hidden)]
    pub fn set_max_page_count_for_tests(&self, pages: i64) -> Result<i64> {
        Ok(self
            .conn
            .pragma_update_and_check(None, "max_page_count", pages, |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check` of the open file; `ok` when healthy.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lines.join("\n"))
    }

    /// How many rows point at a row that does not exist (`PRAGMA foreign_key_check`);
    /// 0 in a sound workspace, and in every state "as of" a past date.
    pub fn foreign_key_violations(&self) -> Result<usize> {
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let n = stmt.query_map([], |_| Ok(()))?.count();
        Ok(n)
    }
}

/// The metadata of an existing, non-empty file at `path`: `NotFound` or `NotAWorkspace`
/// otherwise.
///
/// The file is never opened outside SQLite: closing any other handle on it would drop
/// the locks this process holds on it (POSIX advisory locks are per process), letting
/// another program write behind an open workspace. An empty file is refused here,
/// anything else that is not SQLite by SQLite itself.
pub(crate) fn existing_file(path: &Path) -> Result<std::fs::Metadata> {
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::NotFound(path.to_path_buf()))
        }
        Err(e) => return Err(e.into()),
    };
    if metadata.is_dir() || metadata.len() == 0 {
        return Err(StoreError::NotAWorkspace(path.to_path_buf()));
    }
    Ok(metadata)
}

/// Writes a consistent copy of the database behind `source` to `dest` with SQLite's
/// online backup API: beside `dest` first, then renamed into place, so `dest` is either
/// what it was or the complete copy. The copy has no write-ahead log beside it.
pub(crate) fn copy_database(source: &Connection, dest: &Path) -> Result<()> {
    let dir = parent_dir(dest);
    let file_name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace.rapport".into());
    let temp = dir.join(format!(".{file_name}.partial-{}", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    let result = (|| -> Result<()> {
        let mut target = Connection::open(&temp)?;
        {
            let backup = rusqlite::backup::Backup::new(source, &mut target)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)?;
        }
        target.pragma_update(None, "journal_mode", "DELETE")?;
        drop(target);
        std::fs::rename(&temp, dest)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Pragmas for user data: WAL, synchronous FULL (a saved action survives power loss),
/// foreign keys, and an exclusive lock so that a second program cannot write the same
/// file behind our back.
fn configure(conn: &Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Undo replays and imports reuse a statement per table and kind of change.
    conn.set_prepared_statement_cache_capacity(64);
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
        .map_err(|e| classify(e, path))?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(|e| classify(e, path))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Locked(path.to_path_buf()));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A 32 MiB page cache (the default is 2 MiB): large imports and their undo touch
    // far more pages than that, and a desktop has the memory.
    conn.pragma_update(None, "cache_size", -32_768)?;
    // Take the exclusive lock now rather than at the first edit.
    conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")
        .map_err(|e| classify(e, path))?;
    Ok(())
}

/// Maps SQLite's failure codes at open time to what the user needs to hear.
pub(crate) fn classify(error: rusqlite::Error, path: &Path) -> StoreError {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Locked(path.to_path_buf())
        }
        Some(ErrorCode::NotADatabase) => StoreError::NotAWorkspace(path.to_path_buf()),
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: error.to_string(),
        },
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) => {
            StoreError::ReadOnly(path.to_path_buf())
        }
        _ => StoreError::Sqlite(error),
    }
}

/// The directory of `path` (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
}

/// Makes a rename in `dir` durable (best effort; not possible on every platform).
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The workspace files this process has open, by identity (device and inode on Unix,
/// the canonical path elsewhere), so that the same file is never opened twice.
pub(crate) struct OpenFiles;

static OPEN_FILES: std::sync::Mutex<Vec<FileIdentity>> = std::sync::Mutex::new(Vec::new());

#[derive(Debug, Clone, PartialEq, Eq)]
enum FileIdentity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

/// A claim on one open file; dropping it releases the claim.
#[derive(Debug)]
pub(crate) struct OpenFileClaim(FileIdentity);

impl OpenFiles {
    fn identity(metadata: &std::fs::Metadata, path: &Path) -> FileIdentity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            FileIdentity::Inode(metadata.dev(), metadata.ino())
        }
        #[cfg(not(unix))]
        {
            let _ = metadata;
            FileIdentity::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        }
    }

    pub(crate) fn claim(metadata: &std::fs::Metadata, path: &Path) -> Result<OpenFileClaim> {
        let id = Self::identity(metadata, path);
        let mut open = OPEN_FILES.lock().unwrap_or_else(|p| p.into_inner());
        if open.contains(&id) {
            return Err(StoreError::Locked(path.to_path_buf()));
        }
        open.push(id.clone());
        Ok(OpenFileClaim(id))
    }
}

impl Drop for OpenFileClaim {
    fn drop(&mut self) {
        let mut open = OPEN_FILES.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = open.iter().position(|x| *x == self.0) {
            open.swap_remove(i);
        }
    }
}

pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
