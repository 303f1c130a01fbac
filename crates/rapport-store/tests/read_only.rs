//! Read-only sessions (`Workspace::open_read_only`): a file that is read-only on disk,
//! or from a newer Rapport that declares this version a safe reader, opens for reading;
//! every write is refused with `ReadOnly`, and the file (and its folder) are left exactly
//! as they were. A newer file without that declaration, a damaged file and a foreign
//! file are still refused.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use rapport_store::recovery::READ_COMPATIBLE_FROM;
use rapport_store::{migrate, StoreError, Workspace};

/// FNV-1a of the file's bytes: the "hash before and after" of each test.
fn hash(path: &Path) -> u64 {
    std::fs::read(path)
        .expect("read file")
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The names in `dir`, sorted: a read-only session must not leave files beside.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A closed workspace holding the demo data, an undone action (so redo has something)
/// and its content as read while it was writable.
fn demo_file(dir: &Path) -> (PathBuf, String) {
    let path = dir.join("demo.rapport");
    let mut ws = Workspace::create(&path).expect("create");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    rapport_store::demo::write_demo(&mut ws, today).expect("demo");
    ws.create_account(&account("Undone")).expect("account");
    ws.create_account(&account("Kept")).expect("account");
    ws.undo().expect("undo");
    let content = everything(&ws);
    drop(ws);
    (path, content)
}

fn assert_read_only<T: std::fmt::Debug>(what: &str, result: Result<T, StoreError>) {
    match result {
        Err(StoreError::ReadOnly(_)) => {}
        other => panic!("{what}: expected ReadOnly, got {other:?}"),
    }
}

/// Each of create, update and delete of one kind of entity, on every row given, is
/// refused as read-only.
macro_rules! refuses_writes_of {
    ($ws:expr, $rows:expr, $create:ident, $update:ident, $delete:ident) => {
        for row in $rows {
            assert_read_only(stringify!($create), $ws.$create(&row.fields));
            assert_read_only(stringify!($update), $ws.$update(row.id, &row.fields));
            assert_read_only(stringify!($delete), $ws.$delete(row.id));
        }
    };
}

/// Tries every write the store offers, with valid input taken from the file itself.
fn try_every_write(ws: &mut Workspace) {
    let details = ws.all_account_details().expect("details");
    let d = &details[0];
    let a = &d.account;
    refuses_writes_of!(ws, [a], create_account, update_account, delete_account);
    refuses_writes_of!(
        ws,
        &d.org_units,
        create_org_unit,
        update_org_unit,
        delete_org_unit
    );
    refuses_writes_of!(
        ws,
        &d.stakeholders,
        create_stakeholder,
        update_stakeholder,
        delete_stakeholder
    );
    refuses_writes_of!(
        ws,
        &d.influences,
        create_influence,
        update_influence,
        delete_influence
    );
    refuses_writes_of!(
        ws,
        &d.coverage,
        create_coverage,
        update_coverage,
        delete_coverage
    );
    refuses_writes_of!(
        ws,
        &d.interactions,
        create_interaction,
        update_interaction,
        delete_interaction
    );
    refuses_writes_of!(
        ws,
        &d.stage_changes,
        create_stage_change,
        update_stage_change,
        delete_stage_change
    );
    let team = ws.list_team_members().expect("team");
    refuses_writes_of!(
        ws,
        &team,
        create_team_member,
        update_team_member,
        delete_team_member
    );
    let factors = ws.list_factors().expect("factors");
    refuses_writes_of!(ws, &factors, create_factor, update_factor, delete_factor);
    // Invalid input is refused as read-only too: the session refuses before validating.
    assert_read_only(
        "invalid person",
        ws.create_stakeholder(&stakeholder(a.id, "")),
    );
    assert_read_only("undo", ws.undo());
    assert_read_only("redo", ws.redo());
    assert_read_only("clear history", ws.clear_history());
    let graphml = ws.export_graphml(a.id).expect("export reads");
    assert_read_only("import", ws.import_graphml(&graphml, "Imported"));
    let (backup_dir, backup) = {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("b.rapport");
        ws.save_copy(&path)
            .expect("a read-only session can save a copy");
        (dir, path)
    };
    assert_read_only("restore", ws.restore_from(&backup));
    drop(backup_dir);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_read_only_refuses_every_write_and_is_left_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, content) = demo_file(dir.path());
    set_mode(&path, 0o444);
    let (before, files) = (hash(&path), listing(dir.path()));

    assert!(matches!(
        Workspace::open(&path),
        Err(StoreError::ReadOnly(_))
    ));
    let mut ws = Workspace::open_read_only(&path).expect("opens read-only");
    assert!(ws.is_read_only());
    assert_eq!(ws.path(), path);
    assert_eq!(
        everything(&ws),
        content,
        "the session shows what the file holds"
    );
    try_every_write(&mut ws);
    assert_eq!(everything(&ws), content, "nothing changed in the session");
    drop(ws);

    assert_eq!(hash(&path), before, "the file's bytes changed");
    assert_eq!(listing(dir.path()), files, "files appeared beside it");
    // Writable again, it opens normally with everything in it.
    set_mode(&path, 0o644);
    let ws = Workspace::open(&path).expect("open");
    assert!(!ws.is_read_only());
    assert_eq!(everything(&ws), content);
    assert_eq!(ws.integrity_check().expect("check"), "ok");
}

/// Marks the closed workspace at `path` as written by schema `LATEST + 1`, declaring
/// `read_compatible_from` if given, as a standalone file (no write-ahead log).
fn make_newer(path: &Path, read_compatible_from: Option<i64>) {
    let conn = rusqlite::Connection::open(path).expect("db");
    conn.pragma_update(None, "user_version", migrate::LATEST + 1)
        .expect("bump");
    if let Some(from) = read_compatible_from {
        conn.execute(
            "INSERT INTO workspace_meta (key, value) VALUES (?1, ?2)",
            rusqlite::params![READ_COMPATIBLE_FROM, from.to_string()],
        )
        .expect("declare");
    }
    conn.pragma_update(None, "journal_mode", "DELETE")
        .expect("mode");
}

#[test]
fn a_newer_schema_opens_read_only_only_when_it_declares_this_version_a_safe_reader() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, content) = demo_file(dir.path());
    make_newer(&path, Some(migrate::LATEST));
    let (before, files) = (hash(&path), listing(dir.path()));
    match Workspace::open(&path) {
        Err(StoreError::NewerSchema { readable, .. }) => assert!(readable),
        other => panic!("{other:?}"),
    }
    let mut ws = Workspace::open_read_only(&path).expect("declared readable");
    assert_eq!(everything(&ws), content);
    try_every_write(&mut ws);
    drop(ws);
    assert_eq!(hash(&path), before);
    assert_eq!(listing(dir.path()), files);

    // Declared readable only from a version after this one, or not at all: refused.
    for declared in [Some(migrate::LATEST + 1), None] {
        let sub = dir.path().join(format!("{declared:?}"));
        std::fs::create_dir_all(&sub).expect("mkdir");
        let (path, _) = demo_file(&sub);
        make_newer(&path, declared);
        let before = hash(&path);
        for result in [Workspace::open(&path), Workspace::open_read_only(&path)] {
            match result {
                Err(StoreError::NewerSchema {
                    readable, found, ..
                }) => {
                    assert!(!readable, "{declared:?}");
                    assert_eq!(found, migrate::LATEST + 1);
                }
                other => panic!("{declared:?}: {other:?}"),
            }
        }
        assert_eq!(hash(&path), before);
    }
}

#[cfg(unix)]
#[test]
fn an_older_read_only_file_is_migrated_in_memory_never_in_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v1.rapport");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/schema/v1.rapport"),
        &path,
    )
    .expect("copy fixture");
    set_mode(&path, 0o444);
    let (before, files) = (hash(&path), listing(dir.path()));
    let ws = Workspace::open_read_only(&path).expect("opens read-only");
    assert_eq!(ws.schema_version().expect("version"), migrate::LATEST);
    let names = account_names(&ws);
    assert!(names.iter().any(|n| n == "Northwind Telecom"), "{names:?}");
    drop(ws);
    assert_eq!(hash(&path), before);
    assert_eq!(listing(dir.path()), files);
    let conn = rusqlite::Connection::open(&path).expect("db");
    assert_eq!(migrate::schema_version(&conn).expect("version"), 1);
}

#[cfg(unix)]
#[test]
fn a_read_only_session_sees_what_a_crash_left_in_the_write_ahead_log() {
    let dir = tempfile::tempdir().expect("dir");
    let live = dir.path().join("live.rapport");
    let mut ws = Workspace::create(&live).expect("create");
    ws.create_account(&account("Checkpointed")).expect("a");
    drop(ws);
    // The file as a crash leaves it: its last action only in the write-ahead log.
    let crashed = dir.path().join("crashed.rapport");
    {
        let conn = rusqlite::Connection::open(&live).expect("db");
        conn.pragma_update(None, "wal_autocheckpoint", 0)
            .expect("no checkpoint");
        conn.execute(
            "INSERT INTO accounts (name, industry, region, tier, annual_revenue, annual_margin, notes)
             VALUES ('Only in the log', '', '', 'key', 0, 0, '')",
            [],
        )
        .expect("insert");
        std::fs::copy(&live, &crashed).expect("copy file");
        std::fs::copy(
            dir.path().join("live.rapport-wal"),
            dir.path().join("crashed.rapport-wal"),
        )
        .expect("copy log");
    }
    set_mode(&crashed, 0o444);
    let (before, wal_before) = (
        hash(&crashed),
        hash(&dir.path().join("crashed.rapport-wal")),
    );
    let ws = Workspace::open_read_only(&crashed).expect("opens read-only");
    let names = account_names(&ws);
    assert_eq!(names, vec!["Checkpointed", "Only in the log"]);
    drop(ws);
    assert_eq!(hash(&crashed), before);
    assert_eq!(hash(&dir.path().join("crashed.rapport-wal")), wal_before);
}

#[test]
fn damaged_and_foreign_files_are_refused_read_only_too() {
    let dir = tempfile::tempdir().expect("dir");
    let text = dir.path().join("notes.rapport");
    std::fs::write(&text, "hello, not a database").expect("write");
    assert!(matches!(
        Workspace::open_read_only(&text),
        Err(StoreError::NotAWorkspace(_))
    ));
    assert!(matches!(
        Workspace::open_read_only(&dir.path().join("missing.rapport")),
        Err(StoreError::NotFound(_))
    ));

    let (_damaged_dir, path) = closed_file_with_people();
    let data = damage(&path);
    let err = Workspace::open_read_only(&path).expect_err("corrupt");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).expect("read"), data);
}

#[test]
fn a_file_open_for_writing_in_this_process_is_not_opened_again_read_only() {
    let t = temp_workspace();
    assert!(matches!(
        Workspace::open_read_only(&t.path),
        Err(StoreError::Locked(_))
    ));
}
