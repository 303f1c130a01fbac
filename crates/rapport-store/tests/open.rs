//! Opening files that are not healthy Rapport workspaces: each gets a specific error
//! and is left byte-for-byte unchanged. Also: copies, locks and migrations.

mod common;

use std::path::Path;

use common::*;
use rapport_store::{migrate, StoreError, Workspace};

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

#[test]
fn a_missing_file_is_not_found_and_not_created() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("nope.rapport");
    assert!(matches!(
        Workspace::open(&path),
        Err(StoreError::NotFound(_))
    ));
    assert!(!path.exists());
}

#[test]
fn foreign_files_are_not_workspaces_and_stay_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let text = dir.path().join("notes.rapport");
    std::fs::write(&text, "hello, not a database").expect("write");
    let empty = dir.path().join("empty.rapport");
    std::fs::write(&empty, "").expect("write");
    let other_db = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other_db).expect("db");
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .expect("sql");
    }
    for path in [&text, &empty, &other_db] {
        let before = bytes(path);
        let err = Workspace::open(path).expect_err("must refuse");
        assert!(
            matches!(err, StoreError::NotAWorkspace(_)),
            "{path:?}: {err:?}"
        );
        assert_eq!(bytes(path), before, "{path:?} was modified");
    }
}

#[test]
fn a_newer_schema_is_refused_without_change() {
    let mut t = temp_workspace();
    t.ws.create_account(&account("A")).expect("a");
    drop(t.ws);
    {
        let conn = rusqlite::Connection::open(&t.path).expect("db");
        conn.pragma_update(None, "user_version", migrate::LATEST + 5)
            .expect("bump");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("mode");
    }
    let before = bytes(&t.path);
    let err = Workspace::open(&t.path).expect_err("newer");
    match err {
        StoreError::NewerSchema {
            found, supported, ..
        } => {
            assert_eq!(found, migrate::LATEST + 5);
            assert_eq!(supported, migrate::LATEST);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(bytes(&t.path), before);
}

#[test]
fn a_damaged_file_is_reported_as_corrupt() {
    let (_dir, path) = closed_file_with_people();
    let data = damage(&path);
    let err = Workspace::open(&path).expect_err("corrupt");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(bytes(&path), data);
}

#[test]
fn a_second_open_of_the_same_file_is_refused_while_the_first_is_open() {
    let mut t = temp_workspace();
    let err = Workspace::open(&t.path).expect_err("locked");
    assert!(matches!(err, StoreError::Locked(_)), "{err:?}");
    // The first handle works on after the refusal. (Two processes: tests/instances.rs.)
    let a = t.ws.create_account(&account("Still mine")).expect("write");
    t.ws.undo().expect("undo");
    t.ws.redo().expect("redo");
    drop(t.ws);
    let ws = Workspace::open(&t.path).expect("free again");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
    assert_eq!(
        ws.account_detail(a).expect("saved").account.fields.name,
        "Still mine"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let t = temp_workspace();
    drop(t.ws);
    std::fs::set_permissions(&t.path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let err = Workspace::open(&t.path).expect_err("read-only");
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err:?}");
}

#[test]
fn create_refuses_an_existing_file() {
    let t = temp_workspace();
    let err = Workspace::create(&t.path).expect_err("exists");
    assert!(matches!(err, StoreError::AlreadyExists(_)), "{err:?}");
}

#[test]
fn a_saved_copy_opens_and_equals_the_source() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Copy Me")).expect("a");
    let p = t.ws.create_stakeholder(&stakeholder(a, "P")).expect("p");
    let q = t.ws.create_stakeholder(&stakeholder(a, "Q")).expect("q");
    t.ws.create_influence(&influence(a, p, q)).expect("tie");
    let copy = t.dir.path().join("sub").join("copy.rapport");
    std::fs::create_dir_all(copy.parent().expect("parent")).expect("mkdir");
    t.ws.save_copy(&copy).expect("save copy");
    // Overwriting an existing copy works too (the native dialog asked the user).
    t.ws.save_copy(&copy).expect("overwrite copy");
    let source = t.ws.account_detail(a).expect("detail");
    let history = t.ws.history_state().expect("history");
    drop(t.ws);
    let mut copied = Workspace::open(&copy).expect("open copy");
    assert_eq!(copied.account_detail(a).expect("detail"), source);
    assert_eq!(copied.history_state().expect("history"), history);
    assert_eq!(copied.integrity_check().expect("check"), "ok");
    // The copy is independent: undo there leaves the original alone.
    copied.undo().expect("undo in copy");
    drop(copied);
    let original = Workspace::open(&t.path).expect("original");
    assert_eq!(
        original.account_detail(a).expect("detail").influences.len(),
        1
    );
}

#[test]
fn a_copy_onto_itself_is_refused() {
    let t = temp_workspace();
    assert!(t.ws.save_copy(&t.path).is_err());
}

#[test]
fn every_historic_schema_migrates_to_today() {
    for version in 1..=migrate::LATEST as usize {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("old.rapport");
        {
            let mut conn = rusqlite::Connection::open(&path).expect("db");
            conn.pragma_update(None, "application_id", rapport_store::APPLICATION_ID)
                .expect("app id");
            conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
            migrate::to_version(&mut conn, version).expect("old schema");
            conn.execute(
                "INSERT INTO accounts (name, tier) VALUES ('Legacy', 'key')",
                [],
            )
            .expect("row");
        }
        let ws = Workspace::open(&path).expect("migrate");
        assert_eq!(ws.schema_version().expect("version"), migrate::LATEST);
        let accounts = ws.list_accounts().expect("list");
        assert_eq!(accounts.len(), 1, "schema {version}");
        assert_eq!(accounts[0].name, "Legacy");
    }
}

#[test]
fn a_refused_file_keeps_its_write_ahead_log_unapplied() {
    // Regression: closing the connection of a refused file checkpointed its
    // write-ahead log into it (SQLite's default on close), changing the file.
    let (dir, path) = closed_file_with_people();
    // A file as a crash leaves it (its last change only in the log), then damaged.
    let crashed = dir.path().join("crashed.rapport");
    let crashed_wal = dir.path().join("crashed.rapport-wal");
    {
        let conn = rusqlite::Connection::open(&path).expect("db");
        conn.pragma_update(None, "wal_autocheckpoint", 0)
            .expect("no checkpoint");
        conn.execute("UPDATE accounts SET name = 'B'", [])
            .expect("update");
        std::fs::copy(&path, &crashed).expect("copy");
        std::fs::copy(dir.path().join("test.rapport-wal"), &crashed_wal).expect("copy log");
    }
    let data = damage(&crashed);
    let log = bytes(&crashed_wal);
    let err = Workspace::open(&crashed).expect_err("corrupt");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(
        bytes(&crashed),
        data,
        "the log was applied to the refused file"
    );
    assert_eq!(bytes(&crashed_wal), log, "the log was changed");
}
