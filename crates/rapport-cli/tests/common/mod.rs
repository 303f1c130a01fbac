//! What the CLI's integration tests share: running the real `rapport` binary on a file and
//! reading what it printed. (Each test binary uses some of it.)
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The date the demo counts back from in these tests.
pub const TODAY: &str = "2026-11-23";
pub const YEAR_AGO: &str = "2025-11-23";

/// `rapport --workspace WORKSPACE ARGS…`.
pub fn rapport(workspace: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .expect("run rapport")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The command's JSON output; it must succeed.
pub fn ok_json(workspace: &Path, args: &[&str]) -> Value {
    let out = rapport(workspace, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// The command's text output; it must succeed.
pub fn ok_text(workspace: &Path, args: &[&str]) -> String {
    let out = rapport(workspace, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// A new workspace holding the demo as of [`TODAY`] (the directory goes with the first value).
pub fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.rapport");
    let out = rapport(&file, &["demo", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (dir, file)
}

/// `list accounts --json`.
pub fn accounts(workspace: &Path) -> Vec<Value> {
    ok_json(workspace, &["list", "accounts", "--json"])
        .as_array()
        .expect("a JSON array")
        .clone()
}
