//! Automatic backups on a real workspace file: the copy opens as a workspace with the
//! same content, the original is untouched, and old backups are pruned by policy.

mod common;

use chrono::NaiveDateTime;
use common::*;
use rapport_store::backup::{list_backups, BackupPolicy};
use rapport_store::Workspace;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("a test time")
}

#[test]
fn a_backup_is_a_whole_workspace_and_old_ones_are_pruned() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Northwind")).expect("account");
    let dir = t.dir.path().join("backups");
    let policy = BackupPolicy {
        keep_latest: 2,
        keep_daily_days: 2,
    };
    let first =
        t.ws.back_up(&dir, "test", at("2026-11-20 09:00:00"), &policy)
            .expect("backup");
    // The workspace stays open and writable while it is backed up.
    t.ws.create_account(&account("Contoso")).expect("account");
    let copy = Workspace::open(&first).expect("the backup opens");
    assert_eq!(copy.list_accounts().expect("accounts").len(), 1);
    assert_eq!(
        copy.account_detail(a).expect("detail").account.fields.name,
        "Northwind"
    );
    assert_eq!(copy.integrity_check().expect("check"), "ok");
    drop(copy);

    for time in [
        "2026-11-22 08:00:00",
        "2026-11-22 18:00:00",
        "2026-11-23 09:00:00",
        "2026-11-23 10:00:00",
    ] {
        t.ws.back_up(&dir, "test", at(time), &policy)
            .expect("backup");
    }
    let kept: Vec<NaiveDateTime> = list_backups(&dir, "test")
        .expect("list")
        .into_iter()
        .map(|b| b.taken)
        .collect();
    // The latest two, and the newest of the 22nd; the 20th is beyond two days.
    assert_eq!(
        kept,
        vec![
            at("2026-11-23 10:00:00"),
            at("2026-11-23 09:00:00"),
            at("2026-11-22 18:00:00"),
        ]
    );
    // Another file's backups in the same folder are left alone.
    let other =
        t.ws.back_up(&dir, "other", at("2026-11-01 09:00:00"), &policy)
            .expect("backup");
    t.ws.back_up(&dir, "test", at("2026-11-23 11:00:00"), &policy)
        .expect("backup");
    assert!(other.exists());
    assert_eq!(t.ws.list_accounts().expect("accounts").len(), 2);
}

fn journal_mode(path: &std::path::Path) -> u8 {
    // Byte 18 of the header: 1 = rollback journal, 2 = WAL.
    std::fs::read(path).expect("read")[18]
}

#[test]
fn restoring_a_backup_replaces_everything_keeps_the_lock_and_can_be_undone() {
    let mut t = temp_workspace();
    let dir = t.dir.path().join("backups");
    let policy = BackupPolicy::default();
    let a = t.ws.create_account(&account("Northwind")).expect("account");
    let old =
        t.ws.back_up(&dir, "test", at("2026-11-23 09:00:00"), &policy)
            .expect("backup");
    let old_content = everything(&Workspace::open(&old).expect("backup opens"));
    t.ws.create_account(&account("Contoso")).expect("account");
    t.ws.delete_account(a).expect("delete");
    let current = everything(&t.ws);

    // The backup before a restore heads the list, even when taken in the same second.
    let before_restore =
        t.ws.back_up_before_restore(
            &dir,
            "test",
            at("2026-11-23 09:00:00") + chrono::Duration::milliseconds(600),
        )
        .expect("backup before restore");
    let listed = list_backups(&dir, "test").expect("list");
    assert_eq!(listed[0].path, before_restore);
    assert_eq!(listed[0].taken, at("2026-11-23 09:00:01"));
    assert_eq!(listed[1].path, old);
    assert!(listed.iter().all(|b| b.size_bytes > 0));

    t.ws.restore_from(&old).expect("restore");
    assert_eq!(account_names(&t.ws), vec!["Northwind"]);
    assert_eq!(
        everything(&t.ws),
        old_content,
        "the backup's history comes with it"
    );
    assert_eq!(t.ws.integrity_check().expect("check"), "ok");
    // Still this connection's file: a second open is refused; still a WAL database.
    assert!(matches!(
        Workspace::open(&t.path),
        Err(rapport_store::StoreError::Locked(_))
    ));
    // Edits, undo and redo work on the restored content.
    t.ws.create_account(&account("Tailspin"))
        .expect("edit after restore");
    t.ws.undo().expect("undo");
    t.ws.undo().expect("undo the backup's own action");
    assert!(account_names(&t.ws).is_empty());
    t.ws.redo().expect("redo");

    // Restoring the backup taken before the restore undoes it.
    t.ws.restore_from(&before_restore).expect("restore back");
    assert_eq!(everything(&t.ws), current);
    drop(t.ws);
    assert_eq!(journal_mode(&t.path), 2);
    let ws = Workspace::open(&t.path).expect("reopen");
    assert_eq!(everything(&ws), current);
}

#[test]
fn a_bad_backup_is_refused_with_a_specific_error_and_changes_nothing() {
    use rapport_store::StoreError;
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Keep me")).expect("account");
    add_people(&mut t.ws, a, 200);
    let dir = t.dir.path().join("bad");
    std::fs::create_dir_all(&dir).expect("dir");

    let damaged = dir.join("damaged.rapport");
    t.ws.save_copy(&damaged).expect("copy");
    damage(&damaged);

    let text = dir.join("text.rapport");
    std::fs::write(&text, "not a database").expect("write");

    let newer = dir.join("newer.rapport");
    t.ws.save_copy(&newer).expect("copy");
    rusqlite::Connection::open(&newer)
        .and_then(|c| c.pragma_update(None, "user_version", rapport_store::migrate::LATEST + 1))
        .expect("bump");

    let before = everything(&t.ws);
    type Expected = fn(&StoreError) -> bool;
    let cases: [(&std::path::Path, Expected); 4] = [
        (&damaged, |e| matches!(e, StoreError::Corrupt { .. })),
        (&text, |e| matches!(e, StoreError::NotAWorkspace(_))),
        (&newer, |e| matches!(e, StoreError::NewerSchema { .. })),
        (&dir.join("missing.rapport"), |e| {
            matches!(e, StoreError::NotFound(_))
        }),
    ];
    for (path, expected) in cases {
        let err = t.ws.restore_from(path).expect_err("refused");
        assert!(expected(&err), "{path:?}: {err:?}");
        assert_eq!(everything(&t.ws), before, "{path:?} changed the workspace");
    }
    t.ws.create_account(&account("Still writable"))
        .expect("write");
}

#[test]
fn an_older_backup_with_another_page_size_is_restored_and_migrated() {
    let mut t = temp_workspace();
    t.ws.create_account(&account("Replaced")).expect("account");
    // Schema 1, 1 KiB pages (this workspace has 4 KiB ones).
    let backup = t.dir.path().join("v1.rapport");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/schema/v1.rapport"),
        &backup,
    )
    .expect("copy fixture");
    let expected = {
        let copy = t.dir.path().join("v1-opened.rapport");
        std::fs::copy(&backup, &copy).expect("copy");
        everything(&Workspace::open(&copy).expect("v1 opens"))
    };
    t.ws.restore_from(&backup).expect("restore");
    assert_eq!(everything(&t.ws), expected);
    assert_eq!(
        t.ws.schema_version().expect("version"),
        rapport_store::migrate::LATEST
    );
    assert_eq!(t.ws.integrity_check().expect("check"), "ok");
    t.ws.create_account(&account("After")).expect("write");
    drop(t.ws);
    assert_eq!(journal_mode(&t.path), 2, "back in WAL mode");
    let ws = Workspace::open(&t.path).expect("reopen");
    assert!(account_names(&ws).contains(&"After".to_string()));
}

#[test]
fn a_damaged_file_is_replaced_by_a_backup_and_kept_beside_it() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Northwind")).expect("account");
    add_people(&mut t.ws, a, 200);
    let dir = t.dir.path().join("backups");
    let backup =
        t.ws.back_up(
            &dir,
            "test",
            at("2026-11-23 09:00:00"),
            &BackupPolicy::default(),
        )
        .expect("backup");
    let expected = everything(&t.ws);
    drop(t.ws);
    let data = damage(&t.path);
    // A log left beside the damaged file must not be applied to the restored one.
    let wal = t.dir.path().join("test.rapport-wal");
    std::fs::write(&wal, b"a stale log").expect("write");
    assert!(Workspace::open(&t.path).is_err());

    let now = at("2026-11-24 08:30:00");
    let (ws, kept) =
        rapport_store::recovery::replace_with_backup(&t.path, &backup, now).expect("restored");
    assert_eq!(
        kept,
        t.dir.path().join("test.damaged-20261124-083000.rapport")
    );
    assert_eq!(
        std::fs::read(&kept).expect("kept"),
        data,
        "the damaged file is kept as it was"
    );
    assert_eq!(
        std::fs::read(
            t.dir
                .path()
                .join("test.damaged-20261124-083000.rapport-wal")
        )
        .expect("log"),
        b"a stale log"
    );
    assert_eq!(everything(&ws), expected);
    assert_eq!(ws.integrity_check().expect("check"), "ok");

    // A bad backup changes nothing: the file stays what it is.
    drop(ws);
    let restored = std::fs::read(&t.path).expect("read");
    let text = t.dir.path().join("text.rapport");
    std::fs::write(&text, "not a database").expect("write");
    assert!(rapport_store::recovery::replace_with_backup(&t.path, &text, now).is_err());
    assert_eq!(std::fs::read(&t.path).expect("read"), restored);
}

#[test]
fn a_rescue_copy_is_byte_for_byte_and_the_original_is_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let damaged = dir.path().join("damaged.rapport");
    std::fs::write(&damaged, b"SQLite format 3\0 but broken").expect("write");
    std::fs::write(dir.path().join("damaged.rapport-wal"), b"its log").expect("write");
    let dest = dir.path().join("rescue").join("for support.rapport");
    std::fs::create_dir_all(dest.parent().expect("parent")).expect("dir");
    rapport_store::recovery::copy_for_rescue(&damaged, &dest).expect("copy");
    assert_eq!(
        std::fs::read(&dest).expect("copy"),
        b"SQLite format 3\0 but broken"
    );
    assert_eq!(
        std::fs::read(dest.with_file_name("for support.rapport-wal")).expect("log"),
        b"its log"
    );
    assert_eq!(
        std::fs::read(&damaged).expect("original"),
        b"SQLite format 3\0 but broken"
    );
    // Never onto itself, never onto a file open in this process.
    assert!(rapport_store::recovery::copy_for_rescue(&damaged, &damaged).is_err());
    let t = temp_workspace();
    assert!(rapport_store::recovery::copy_for_rescue(&damaged, &t.path).is_err());
    assert_eq!(t.ws.integrity_check().expect("check"), "ok");
}
