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
