//! Getting a workspace back without ever writing a file the user did not ask to change:
//! read-only sessions (a file that is read-only on disk, or from a newer Rapport that
//! declares this version a safe reader), restoring a backup into the open workspace or
//! in place of a damaged file (which is kept), and byte copies of a damaged file for
//! rescue.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::backup::{Backup as OnlineBackup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};

use crate::error::{Result, StoreError};
use crate::migrate;
use crate::workspace::{
    classify, copy_database, existing_file, parent_dir, same_file, sync_dir, OpenFiles, Workspace,
    APPLICATION_ID,
};

/// The `workspace_meta` key by which a newer schema declares that older versions can
/// still read it safely: its value is the oldest schema version that may open the file
/// read-only. A migration that only adds (tables, defaulted columns, indexes) and
/// changes the meaning of nothing older versions read may set it. Without it a newer
/// file is not opened at all: an older reader cannot know whether a column it reads
/// still means what it thinks, and a read-only view that shows wrong values is worse
/// than none.
pub const READ_COMPATIBLE_FROM: &str = "read_compatible_from";

/// How long to wait for another program's lock on a file being read.
const READ_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(1500);

/// Does the (newer) file behind `conn` declare this build a safe reader?
pub(crate) fn readable_by_this_build(conn: &Connection) -> bool {
    conn.query_row(
        "SELECT value FROM workspace_meta WHERE key = ?1",
        [READ_COMPATIBLE_FROM],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .ok()
    .flatten()
    .and_then(|v| v.trim().parse::<i64>().ok())
    .is_some_and(|from| from <= migrate::LATEST)
}

impl Workspace {
    /// Opens `path` as a read-only session. The file is opened by SQLite read-only,
    /// checked like [`Workspace::open`] does, and read once into a private copy in
    /// memory (an older schema is migrated there, never in the file); then it is closed.
    /// Every write of the session is refused with [`StoreError::ReadOnly`], and the copy
    /// is `query_only` besides. Accepts a file that is read-only on disk, and a newer
    /// schema that declares this version a safe reader ([`READ_COMPATIBLE_FROM`]).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let metadata = existing_file(path)?;
        let claim = OpenFiles::claim(&metadata, path)?;
        let source = open_for_reading(path, &metadata)?;
        let version = check_readable(&source, path, true)?;
        let mut conn = Connection::open_in_memory()?;
        copy_whole(&source, &mut conn, path)?;
        drop(source);
        drop(claim);
        check_integrity(&conn, path, "quick_check")?;
        if version < migrate::LATEST {
            migrate::to_latest(&mut conn)?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Workspace::read_only_session(conn, path))
    }

    /// Replaces everything in this open workspace with the backup at `backup`: SQLite's
    /// online backup API copies it into this very connection in one write transaction,
    /// so the file keeps its lock and holds at every moment either all of the old
    /// content or all of the backup's. The backup is checked first (a Rapport workspace,
    /// not newer than this version, a clean `integrity_check`); a bad one is refused with
    /// a specific error and changes nothing. An older backup is migrated after the copy.
    /// The backup's undo history comes with it. Taking a backup of the current state
    /// first is the caller's job ([`Workspace::back_up_before_restore`]).
    pub fn restore_from(&mut self, backup: &Path) -> Result<()> {
        self.refuse_if_read_only()?;
        let source = open_backup(backup)?;
        let page_size =
            |c: &Connection| c.pragma_query_value(None, "page_size", |r| r.get::<_, i64>(0));
        let same_page_size = page_size(&source)? == page_size(&self.conn)?;
        if !same_page_size {
            // The backup API cannot change the page size of a WAL database; with a
            // rollback journal meanwhile, the copy is just as atomic.
            self.conn
                .pragma_update_and_check(None, "journal_mode", "DELETE", |r| {
                    r.get::<_, String>(0)
                })?;
        }
        let copied = copy_whole(&source, &mut self.conn, backup);
        if !same_page_size {
            self.conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))?;
        }
        copied?;
        migrate::to_latest(&mut self.conn)?;
        Ok(())
    }
}

/// Puts the backup at `backup` in place of the file at `target`, one that cannot be
/// opened (damaged, or not a workspace any more), and opens the result. The file that
/// was there is kept beside it as `<stem>.damaged-<YYYYMMDD-HHMMSS>.<ext>` (returned),
/// with its write-ahead log if it had one, so nothing is lost; `target` is at every
/// moment either that file or the whole restored copy. The backup is checked as
/// [`Workspace::restore_from`] checks it; a bad one changes nothing.
pub fn replace_with_backup(
    target: &Path,
    backup: &Path,
    now: NaiveDateTime,
) -> Result<(Workspace, PathBuf)> {
    let source = open_backup(backup)?;
    let metadata = existing_file(target)?;
    let claim = OpenFiles::claim(&metadata, target)?;
    let dir = parent_dir(target);
    let name = file_name(target);
    let restored = dir.join(format!(".{name}.restoring-{}", std::process::id()));
    copy_database(&source, &restored)?;
    drop(source);
    let kept = free_name(target, "damaged", now);
    let moved = (|| -> Result<()> {
        keep_under(target, &kept)?;
        for suffix in ["-wal", "-shm"] {
            let from = sibling(target, suffix);
            if from.exists() {
                std::fs::rename(&from, sibling(&kept, suffix))?;
            }
        }
        std::fs::rename(&restored, target)?;
        sync_dir(dir);
        Ok(())
    })();
    if let Err(e) = moved {
        let _ = std::fs::remove_file(&restored);
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::rename(sibling(&kept, suffix), sibling(target, suffix));
        }
        if target.exists() {
            let _ = std::fs::remove_file(&kept);
        }
        return Err(e);
    }
    drop(claim);
    Ok((Workspace::open(target)?, kept))
}

/// Checks the backup at `path` as [`Workspace::restore_from`] does before it changes
/// anything: a Rapport workspace, not newer than this version, a clean
/// `integrity_check`. Only reads it.
pub fn check_backup(path: &Path) -> Result<()> {
    open_backup(path).map(drop)
}

/// Copies the file at `source`, one that cannot be opened, byte for byte to `dest`, with
/// its write-ahead log (as `dest` + `-wal`) if it has one, so that the user can send it
/// for rescue. The source is only read. Each copy is written beside its destination
/// and renamed into place. Refuses to replace the source itself, a file open in this
/// process, or a workspace with a write-ahead log of its own.
pub fn copy_for_rescue(source: &Path, dest: &Path) -> Result<()> {
    let metadata = match std::fs::metadata(source) {
        Ok(m) if m.is_file() => m,
        Ok(_) => return Err(StoreError::NotAWorkspace(source.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::NotFound(source.to_path_buf()))
        }
        Err(e) => return Err(e.into()),
    };
    if same_file(source, dest) || sibling(dest, "-wal").exists() {
        return Err(StoreError::AlreadyExists(dest.to_path_buf()));
    }
    // Holding the claims keeps the byte copy from touching a file SQLite has open in
    // this process (closing another handle would drop its locks).
    let _source_claim = OpenFiles::claim(&metadata, source)?;
    let _dest_claim = match std::fs::metadata(dest) {
        Ok(m) => Some(OpenFiles::claim(&m, dest)?),
        Err(_) => None,
    };
    copy_bytes(source, dest)?;
    let wal = sibling(source, "-wal");
    if wal.exists() {
        copy_bytes(&wal, &sibling(dest, "-wal"))?;
    }
    Ok(())
}

/// Opens `path` with SQLite for reading only (`mode=ro`). When nothing can be writing
/// it (the file is read-only and has no write-ahead log beside it), or SQLite cannot
/// create the shared-memory index beside it (a read-only folder), it is opened
/// `immutable=1` instead, which creates no file beside it either.
fn open_for_reading(path: &Path, metadata: &std::fs::Metadata) -> Result<Connection> {
    let has_wal = sibling(path, "-wal").exists();
    let immutable = metadata.permissions().readonly() && !has_wal;
    let connect = |immutable: bool| -> rusqlite::Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(file_uri(path, immutable), flags)?;
        conn.busy_timeout(READ_BUSY_TIMEOUT)?;
        // The first read: SQLite opens the file and its log here.
        conn.pragma_query_value(None, "application_id", |r| r.get::<_, i32>(0))?;
        Ok(conn)
    };
    match connect(immutable) {
        Err(e)
            if !immutable
                && !has_wal
                && matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::CannotOpen) | Some(ErrorCode::ReadOnly)
                ) =>
        {
            connect(true)
        }
        other => other,
    }
    .map_err(|e| classify(e, path))
}

/// A backup ready to copy from: a Rapport workspace of this schema or an older one that
/// passes the full `integrity_check`.
fn open_backup(path: &Path) -> Result<Connection> {
    let metadata = existing_file(path)?;
    let source = open_for_reading(path, &metadata)?;
    check_readable(&source, path, false)?;
    check_integrity(&source, path, "integrity_check")?;
    Ok(source)
}

/// The open-time checks that only read: a Rapport workspace, of a schema this version
/// reads (a newer one only if `allow_newer` and it declares this version safe). Returns
/// the schema version.
fn check_readable(conn: &Connection, path: &Path, allow_newer: bool) -> Result<i64> {
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| classify(e, path))?;
    if app_id != APPLICATION_ID {
        return Err(StoreError::NotAWorkspace(path.to_path_buf()));
    }
    let version = migrate::schema_version(conn).map_err(|e| classify(e, path))?;
    if version > migrate::LATEST {
        let readable = readable_by_this_build(conn);
        if !(allow_newer && readable) {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                supported: migrate::LATEST,
                readable,
            });
        }
    }
    Ok(version)
}

/// `PRAGMA quick_check` or `integrity_check`: anything but `ok` is `Corrupt`.
fn check_integrity(conn: &Connection, path: &Path, pragma: &str) -> Result<()> {
    let mut stmt = conn
        .prepare(&format!("PRAGMA {pragma}"))
        .map_err(|e| classify(e, path))?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| classify(e, path))?;
    if lines != ["ok"] {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: lines.join("; "),
        });
    }
    Ok(())
}

/// Copies the whole database behind `source` into `dest` in one step of the online
/// backup API: one write transaction on `dest`, committed whole or not at all.
pub(crate) fn copy_whole(source: &Connection, dest: &mut Connection, path: &Path) -> Result<()> {
    let backup = OnlineBackup::new(source, dest)?;
    match backup.step(-1).map_err(|e| classify(e, path))? {
        StepResult::Done => Ok(()),
        _ => Err(StoreError::Locked(path.to_path_buf())),
    }
}

/// `path` with `suffix` appended to its file name (`x.rapport` → `x.rapport-wal`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace.rapport".into())
}

/// `<stem>.<what>-<YYYYMMDD-HHMMSS>.<ext>` beside `path`, with ` (2)`, ` (3)`, … when
/// that name is taken.
fn free_name(path: &Path, what: &str, now: NaiveDateTime) -> PathBuf {
    let dir = parent_dir(path);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let base = format!("{stem}.{what}-{}", now.format("%Y%m%d-%H%M%S"));
    let mut candidate = dir.join(format!("{base}{ext}"));
    let mut n = 2;
    while candidate.exists() || sibling(&candidate, "-wal").exists() {
        candidate = dir.join(format!("{base} ({n}){ext}"));
        n += 1;
    }
    candidate
}

/// Gives the file at `path` the second name `kept` (a hard link; a byte copy where the
/// file system has none).
fn keep_under(path: &Path, kept: &Path) -> Result<()> {
    match std::fs::hard_link(path, kept) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(StoreError::AlreadyExists(kept.to_path_buf()))
        }
        Err(_) => copy_bytes(path, kept),
    }
}

/// Copies a file's bytes beside `dest`, syncs them, and renames the copy into place.
fn copy_bytes(source: &Path, dest: &Path) -> Result<()> {
    let temp = parent_dir(dest).join(format!(
        ".{}.partial-{}",
        file_name(dest),
        std::process::id()
    ));
    let result = (|| -> Result<()> {
        std::fs::copy(source, &temp)?;
        std::fs::File::open(&temp)?.sync_all()?;
        std::fs::rename(&temp, dest)?;
        sync_dir(parent_dir(dest));
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// An SQLite URI naming `path` (absolute, every byte outside the unreserved set
/// percent-encoded), read-only, and `immutable` if asked.
fn file_uri(path: &Path, immutable: bool) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    let bytes = absolute.as_os_str().as_encoded_bytes();
    if cfg!(windows) {
        uri.push('/');
    }
    for &b in bytes {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(b))
            }
            b'\\' if cfg!(windows) => uri.push('/'),
            b':' if cfg!(windows) => uri.push(':'),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=ro");
    if immutable {
        uri.push_str("&immutable=1");
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_everything_sqlite_would_misread() {
        if cfg!(windows) {
            return;
        }
        assert_eq!(
            file_uri(Path::new("/tmp/a b/x?#%.rapport"), false),
            "file:/tmp/a%20b/x%3F%23%25.rapport?mode=ro"
        );
        assert_eq!(
            file_uri(Path::new("/t/计划.rapport"), true),
            "file:/t/%E8%AE%A1%E5%88%92.rapport?mode=ro&immutable=1"
        );
    }

    #[test]
    fn kept_names_never_collide() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("Plan.rapport");
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 15, 0))
            .expect("time");
        let first = free_name(&path, "damaged", now);
        assert_eq!(
            first,
            dir.path().join("Plan.damaged-20261123-101500.rapport")
        );
        std::fs::write(&first, "x").expect("write");
        assert_eq!(
            free_name(&path, "damaged", now),
            dir.path().join("Plan.damaged-20261123-101500 (2).rapport")
        );
    }
}
