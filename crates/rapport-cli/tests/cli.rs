//! The real `rapport` binary on temporary files: what scripts rely on — output formats,
//! messages naming the file, and the documented exit codes.

mod common;

use std::process::Command;

use common::{accounts, rapport, stderr, stdout};

#[test]
fn init_then_list_prints_an_empty_array() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("empty.rapport");
    let out = rapport(&file, &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(file.exists());
    let out = rapport(&file, &["list", "accounts", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).trim(), "[]");
    let out = rapport(&file, &["list", "accounts"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).trim(), "No accounts.");
}

#[test]
fn demo_then_list_shows_northwind_with_its_people() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.rapport");
    let out = rapport(&file, &["demo", "--today", "2026-03-16"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let accounts = accounts(&file);
    assert!(accounts.len() >= 3);
    let northwind = accounts
        .iter()
        .find(|a| a["name"] == "Northwind Telecom")
        .expect("Northwind Telecom listed");
    assert!(northwind["stakeholder_count"].as_u64().expect("count") >= 25);
    assert_eq!(northwind["tier"], "strategic");
    assert_eq!(northwind["stage"], "interdependent");
    for key in [
        "id",
        "name",
        "tier",
        "industry",
        "region",
        "annual_revenue",
        "annual_margin",
        "stakeholder_count",
        "stage",
    ] {
        assert!(northwind.get(key).is_some(), "field {key}");
    }

    let out = rapport(&file, &["list", "accounts"]);
    assert_eq!(out.status.code(), Some(0));
    let table = stdout(&out);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("NAME"));
    assert_eq!(lines.len(), accounts.len() + 1);
    let row = lines
        .iter()
        .find(|l| l.starts_with("Northwind Telecom"))
        .expect("Northwind row");
    assert!(
        row.contains("4,200,000") && row.contains("strategic"),
        "{row}"
    );
    assert!(table.contains("哈尔滨"));
}

#[test]
fn demo_refuses_a_workspace_that_has_accounts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.rapport");
    assert_eq!(rapport(&file, &["demo"]).status.code(), Some(0));
    let before = accounts(&file);
    let out = rapport(&file, &["demo"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).starts_with("error: "));
    assert!(stderr(&out).contains("already has"), "{}", stderr(&out));
    assert_eq!(accounts(&file), before, "nothing written");
}

#[test]
fn demo_into_an_empty_workspace_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.rapport");
    assert_eq!(rapport(&file, &["init"]).status.code(), Some(0));
    let out = rapport(&file, &["demo"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(accounts(&file).len() >= 3);
}

#[test]
fn init_on_an_existing_file_is_invalid_input_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("taken.rapport");
    std::fs::write(&file, "keep me").expect("write");
    let out = rapport(&file, &["init"]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "keep me",
        "untouched"
    );
}

#[test]
fn files_that_cannot_be_opened_exit_with_3() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.rapport");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "just some notes\n").expect("write");
    let cases = [
        (&missing, &["list", "accounts"][..], "does not exist"),
        (
            &text,
            &["list", "accounts", "--json"][..],
            "not a Rapport workspace",
        ),
        (&text, &["demo"][..], "not a Rapport workspace"),
    ];
    for (file, args, message) in cases {
        let out = rapport(file, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains(message), "{err}");
        assert!(err.contains(&file.display().to_string()), "{err}");
        assert!(stdout(&out).is_empty());
    }
    assert!(!missing.exists(), "list does not create files");
    assert_eq!(
        std::fs::read_to_string(&text).expect("read"),
        "just some notes\n"
    );
}

#[test]
fn a_workspace_open_elsewhere_exits_with_3() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("busy.rapport");
    let _held = rapport_store::Workspace::create(&file).expect("create");
    let out = rapport(&file, &["list", "accounts"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("open in another"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.rapport");
    let no_workspace = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["list", "accounts"])
        .output()
        .expect("run");
    assert_eq!(no_workspace.status.code(), Some(2));
    assert!(stderr(&no_workspace).contains("--workspace"));
    for args in [
        &["frobnicate"][..],
        &["list", "accounts", "--yaml"][..],
        &["demo", "--today", "2026-13-01"][..],
    ] {
        assert_eq!(rapport(&file, args).status.code(), Some(2), "{args:?}");
    }
    assert!(!file.exists());
}

#[test]
fn help_documents_the_exit_codes() {
    let out = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--help")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(help.contains("Exit codes:"), "{help}");
    for code in ["0  ", "1  ", "2  ", "3  ", "4  "] {
        assert!(help.contains(code), "{code} in {help}");
    }
}
