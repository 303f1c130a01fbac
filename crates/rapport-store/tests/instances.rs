//! Two programs on one workspace: while one process has the file open, another
//! process's `Workspace::open` is refused with `StoreError::Locked` before it writes a
//! byte, and the first keeps working. (Two handles in one process: `tests/open.rs`.)

#![cfg(unix)]

mod common;
mod durability;

use std::io::{BufRead, BufReader, Lines, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use common::*;
use rapport_store::{StoreError, Workspace};

/// Checksums of the workspace file and its WAL companions, taken by another program:
/// opening and closing the file in this process would drop every POSIX lock this
/// process holds on it (see the ignored test at the end).
fn files(path: &Path) -> String {
    let present: Vec<PathBuf> = ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .filter(|p| p.exists())
        .collect();
    let out = Command::new("sha256sum")
        .args(&present)
        .output()
        .expect("sha256sum");
    assert!(out.status.success(), "sha256sum failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Kills the child if the test fails while it runs.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(args: &[&str], path: &Path) -> (Running, Lines<BufReader<ChildStdout>>) {
    let mut child = Running(
        Command::new(durability::CHILD)
            .args(args)
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the child"),
    );
    let lines = BufReader::new(child.0.stdout.take().expect("stdout")).lines();
    (child, lines)
}

fn next(lines: &mut Lines<BufReader<ChildStdout>>) -> String {
    lines.next().expect("the child ended early").expect("read")
}

#[test]
fn while_another_process_holds_the_file_open_is_refused_and_changes_nothing() {
    let t = temp_workspace();
    let path = t.path.clone();
    drop(t.ws);
    let (mut child, mut lines) = start(&["hold"], &path);
    let mut stdin = child.0.stdin.take().expect("stdin");
    assert_eq!(next(&mut lines), "ready");
    writeln!(stdin, "act").expect("ask");
    assert!(next(&mut lines).starts_with("committed 1 account"));

    let before = files(&path);
    let err = Workspace::open(&path).expect_err("the file is held by the child");
    assert!(matches!(err, StoreError::Locked(_)), "{err:?}");
    assert_eq!(files(&path), before, "the refused open changed the files");

    // The holder works on, and its work reaches the file.
    writeln!(stdin, "act").expect("ask");
    assert!(next(&mut lines).starts_with("committed 2 account"));
    drop(stdin);
    let status = child.0.wait().expect("wait");
    assert!(status.success(), "{status}");

    let ws = Workspace::open(&path).expect("free once the child closed it");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
    let names: Vec<String> = ws
        .list_accounts()
        .expect("list")
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, ["Held 1", "Held 2"]);
}

#[test]
fn another_process_is_refused_while_this_one_holds_the_file() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Mine")).expect("account");
    let before = files(&t.path);
    let (mut child, mut lines) = start(&["try-open"], &t.path);
    assert_eq!(next(&mut lines), "refused locked");
    assert!(child.0.wait().expect("wait").success());
    assert_eq!(files(&t.path), before, "the refused open changed the files");

    // This handle works on.
    let p = t.ws.create_stakeholder(&stakeholder(a, "P")).expect("p");
    t.ws.undo().expect("undo");
    t.ws.redo().expect("redo");
    drop(std::mem::replace(
        &mut t.ws,
        Workspace::in_memory().expect("mem"),
    ));

    // Closed here, the other process may open it, and sees everything.
    let (mut child, mut lines) = start(&["try-open"], &t.path);
    assert_eq!(next(&mut lines), "opened");
    assert!(child.0.wait().expect("wait").success());
    let ws = Workspace::open(&t.path).expect("open");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
    let detail = ws.account_detail(a).expect("detail");
    assert_eq!(detail.stakeholders.len(), 1);
    assert_eq!(detail.stakeholders[0].id, p);
}

/// Regression test for a lost-lock bug: `Workspace::open` used to read the file's
/// header through a `std::fs::File` of its own. Closing that file dropped every POSIX
/// lock this process held on it, including the exclusive lock of the handle that
/// already had the workspace open, so after a refused second open in the same process
/// another process could open the file and write beside the first handle. The store
/// now never opens the file outside SQLite and refuses a second handle in the same
/// process before SQLite sees it.
#[test]
fn a_refused_second_open_in_this_process_keeps_other_processes_out() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Mine")).expect("account");
    let err = Workspace::open(&t.path).expect_err("open twice in one process");
    assert!(matches!(err, StoreError::Locked(_)), "{err:?}");

    let (mut probe, mut lines) = start(&["try-open"], &t.path);
    let verdict = next(&mut lines);
    let _ = probe.0.wait();
    if verdict == "refused locked" {
        return;
    }
    // Show what two writers do to the file, then fail.
    let (mut child, mut lines) = start(&["hold"], &t.path);
    let mut stdin = child.0.stdin.take().expect("stdin");
    assert_eq!(next(&mut lines), "ready");
    for i in 0..20 {
        writeln!(stdin, "act").expect("ask");
        next(&mut lines);
        t.ws.create_stakeholder(&stakeholder(a, &format!("P{i}")))
            .expect("write here too");
    }
    drop(stdin);
    let _ = child.0.wait();
    let path = t.path.clone();
    drop(std::mem::replace(
        &mut t.ws,
        Workspace::in_memory().expect("mem"),
    ));
    let reopened = Workspace::open(&path).map(|ws| {
        (
            ws.integrity_check(),
            ws.list_accounts().map(|l| l.len()),
            ws.account_detail(a).map(|d| d.stakeholders.len()),
        )
    });
    panic!(
        "another process opened the file this process holds ({verdict}); each then saved \
         20 actions; reopened, the file gives (integrity_check, accounts of 21, people of \
         20): {reopened:?}"
    );
}
