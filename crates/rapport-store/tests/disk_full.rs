//! A full disk or a failing write: the action that hits it is refused whole (nothing of
//! it is saved, the undo history is as before), the error is classified as a disk
//! failure, earlier actions are intact, and once there is room again the same workspace
//! works on. Two ways to run out of room: SQLite's `max_page_count` (the statement
//! that needs a new page fails with SQLITE_FULL), and a real file-size limit
//! (RLIMIT_FSIZE) on a child process, where `write(2)` itself fails while the commit
//! appends to the WAL.

mod common;
mod durability;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;
use durability::compare::differences;
use rapport_core::{Id, StakeholderFields};
use rapport_store::{StoreError, Workspace};

/// A consistent copy of everything in the workspace, history included, taken through
/// the store's own connection (online backup), so it can be compared row by row.
fn snapshot(ws: &Workspace, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.rapport"));
    ws.save_copy(&path).expect("snapshot");
    path
}

fn person_with_long_notes(account: Id, n: usize, chars: usize) -> StakeholderFields {
    StakeholderFields {
        notes: format!("{n:>4} ").repeat(chars / 5),
        ..stakeholder(account, &format!("Person {n}"))
    }
}

/// Runs `action`; if it fails, the failure must be a disk failure and the workspace
/// must be exactly as before. Returns whether it succeeded.
fn refused_whole_or_done(
    ws: &mut Workspace,
    dir: &Path,
    label: &str,
    action: impl FnOnce(&mut Workspace) -> Result<(), StoreError>,
) -> bool {
    let before = snapshot(ws, dir, "before");
    let result = action(ws);
    match result {
        Ok(()) => true,
        Err(e) => {
            assert!(e.is_disk_failure(), "{label}: not a disk failure: {e:?}");
            eprintln!("disk full: {label}: refused whole: {e}");
            let after = snapshot(ws, dir, "after");
            let diff = differences(&before, &after, &[]).expect("compare");
            assert!(diff.is_empty(), "{label} failed but wrote: {diff:#?}");
            false
        }
    }
}

#[test]
fn a_full_disk_refuses_the_action_whole_and_the_workspace_works_again_after() {
    let mut t = temp_workspace();
    let snaps = tempfile::tempdir().expect("dir");
    let a = t.ws.create_account(&account("Full Disk Ltd")).expect("a");
    let p = t.ws.create_stakeholder(&stakeholder(a, "P")).expect("p");
    let q = t.ws.create_stakeholder(&stakeholder(a, "Q")).expect("q");
    t.ws.create_influence(&influence(a, p, q)).expect("tie");

    // Room for a few more people, then the "disk" is full.
    // SQLite never caps below the current size: asking for 1 page reports that size.
    let pages = t.ws.set_max_page_count_for_tests(1).expect("cap");
    assert!(pages > 10, "{pages}");
    assert_eq!(
        t.ws.set_max_page_count_for_tests(pages + 24).expect("cap"),
        pages + 24
    );
    let mut saved = Vec::new();
    let mut n = 0;
    loop {
        n += 1;
        assert!(n < 1000, "the page limit never bit");
        let mut id = None;
        let ok = refused_whole_or_done(&mut t.ws, snaps.path(), "create person", |ws| {
            id = Some(ws.create_stakeholder(&person_with_long_notes(a, n, 6000))?);
            Ok(())
        });
        if !ok {
            break;
        }
        saved.extend(id);
    }
    assert!(saved.len() >= 2, "only {} people fitted", saved.len());
    let failed = n;
    eprintln!(
        "disk full: {} people with 6 KB notes fitted in 24 more pages; person {failed} was refused",
        saved.len()
    );

    // Earlier actions are intact, the failed one is absent, and undo names the last
    // saved action.
    let detail = t.ws.account_detail(a).expect("detail");
    let names: Vec<&str> = detail
        .stakeholders
        .iter()
        .map(|s| s.fields.name.as_str())
        .collect();
    assert_eq!(names.len(), 2 + saved.len(), "{names:?}");
    for i in 1..failed {
        let person = detail
            .stakeholders
            .iter()
            .find(|s| s.fields.name == format!("Person {i}"))
            .expect("saved person");
        assert_eq!(
            person.fields.notes,
            person_with_long_notes(a, i, 6000).notes
        );
    }
    assert_eq!(
        t.ws.history_state()
            .expect("history")
            .undo_label
            .expect("label")
            .name,
        format!("Person {}", failed - 1)
    );

    // While full: an edit that needs room is refused whole too.
    let mut edit = detail.stakeholders[0].fields.clone();
    edit.notes = "x".repeat(19_000);
    let id = detail.stakeholders[0].id;
    assert!(!refused_whole_or_done(
        &mut t.ws,
        snaps.path(),
        "long edit",
        |ws| { ws.update_stakeholder(id, &edit) }
    ));

    // Undo frees room; a failed action afterwards keeps the redo stack (a new action
    // would discard it, a refused one must not).
    t.ws.undo().expect("undo while full");
    assert!(!refused_whole_or_done(
        &mut t.ws,
        snaps.path(),
        "bigger person",
        |ws| {
            ws.create_stakeholder(&person_with_long_notes(a, 9999, 19_000))
                .map(drop)
        }
    ));
    let state = t.ws.history_state().expect("history");
    assert!(state.can_redo, "a refused action discarded the redo stack");
    assert_eq!(
        state.redo_label.expect("label").name,
        format!("Person {}", failed - 1)
    );
    t.ws.redo().expect("redo into the room undo freed");

    // Room again: the refused action now succeeds, undo and redo work.
    t.ws.set_max_page_count_for_tests(1 << 30)
        .expect("lift cap");
    t.ws.update_stakeholder(id, &edit)
        .expect("edit after lifting the cap");
    let late =
        t.ws.create_stakeholder(&person_with_long_notes(a, failed, 6000))
            .expect("the refused action, retried");
    t.ws.undo().expect("undo");
    t.ws.redo().expect("redo");
    assert_eq!(t.ws.integrity_check().expect("check"), "ok");

    // And all of it is in the file; the cap was never stored in it.
    let path = t.path.clone();
    drop(std::mem::replace(
        &mut t.ws,
        Workspace::in_memory().expect("mem"),
    ));
    let mut ws = Workspace::open(&path).expect("reopen");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
    let detail = ws.account_detail(a).expect("detail");
    assert_eq!(detail.stakeholders.len(), 2 + saved.len() + 1);
    assert!(detail.stakeholders.iter().any(|s| s.id == late));
    for i in 0..20 {
        ws.create_stakeholder(&person_with_long_notes(a, 10_000 + i, 6000))
            .expect("no cap after reopening");
    }
}

/// Kills the child if the test fails while it runs.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn has_prlimit() -> bool {
    Command::new("prlimit")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The child saves people with long notes under a 256 KiB file-size limit (SIGXFSZ
/// ignored, so the write fails with EFBIG or comes up short, as on a full disk) until
/// a commit fails; the test then lifts the limit while the child keeps the workspace
/// open, and the child's next action must succeed on the same connection.
#[cfg(target_os = "linux")]
#[test]
fn a_failing_write_during_commit_is_refused_whole_and_the_open_workspace_recovers() {
    if !has_prlimit() {
        // util-linux's prlimit is on every Debian system; say so loudly if not.
        panic!("this test needs `prlimit` (util-linux)");
    }
    let t = temp_workspace();
    let path = t.path.clone();
    drop(t.ws);
    let limit = std::fs::metadata(&path).expect("size").len() + 256 * 1024;
    let child = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ && exec prlimit --fsize=\"$1\": -- \"$2\" fill \"$3\"")
        .arg("sh")
        .arg(limit.to_string())
        .arg(durability::CHILD)
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the child");
    let mut child = Running(child);
    let mut stdin = child.0.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.0.stdout.take().expect("stdout")).lines();
    let mut next = || -> String {
        lines
            .next()
            .expect("the child ended early")
            .expect("read child")
    };

    let mut committed = Vec::new();
    let failure = loop {
        let line = next();
        if line.starts_with("failed") {
            break line;
        }
        assert!(line.starts_with("committed"), "{line}");
        committed.push(line);
    };
    assert!(
        failure.contains("disk_failure=true unchanged=true"),
        "the failed commit: {failure}"
    );
    assert!(committed.len() >= 3, "only {committed:?} fitted");
    eprintln!(
        "file-size limit: {} actions saved, then: {failure}",
        committed.len()
    );

    // Free the "disk": lift the limit of the running child.
    let status = Command::new("prlimit")
        .arg(format!("--pid={}", child.0.id()))
        .arg("--fsize=unlimited:")
        .status()
        .expect("prlimit");
    assert!(status.success());
    writeln!(stdin, "retry").expect("ask");
    let retried = next();
    assert!(
        retried.starts_with("committed"),
        "the open workspace did not recover once there was room: {retried}"
    );
    committed.push(retried);
    drop(stdin);
    let status = child.0.wait().expect("wait");
    assert!(status.success(), "{status}");

    // The file holds exactly what the child reported as saved.
    let mut ws = Workspace::open(&path).expect("reopen");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
    let accounts = ws.all_account_details().expect("read");
    assert_eq!(accounts.len(), 1);
    let mut saved: Vec<String> = accounts[0]
        .stakeholders
        .iter()
        .map(|s| format!("stakeholder {}", s.id))
        .collect();
    let mut reported: Vec<String> = committed[1..]
        .iter()
        .map(|l| l.splitn(3, ' ').nth(2).unwrap_or_default().to_string())
        .collect();
    saved.sort();
    reported.sort();
    assert_eq!(saved, reported);
    ws.undo().expect("undo");
    ws.redo().expect("redo");
}
