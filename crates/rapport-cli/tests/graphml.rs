//! `rapport import graphml` and `rapport export graphml` on temporary files: the
//! messages people read, the exit codes scripts rely on, and files left untouched
//! when a command is refused.

mod common;

use std::path::{Path, PathBuf};

use common::{accounts, rapport, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/graphml")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn empty_workspace(dir: &Path) -> PathBuf {
    let file = dir.join("w.rapport");
    assert_eq!(rapport(&file, &["init"]).status.code(), Some(0));
    file
}

#[test]
fn import_prints_what_it_added_and_export_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = empty_workspace(dir.path());
    let nx = fixture("networkx.graphml");
    let out = rapport(
        &ws,
        &[
            "import",
            "graphml",
            arg(&nx),
            "--account",
            "Northwind Telecom",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "Imported 4 people, 2 team members (2 new), 4 influence ties and 3 coverage ties \
         into the new account Northwind Telecom (tier standard)."
    );
    let listed = accounts(&ws);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["name"], "Northwind Telecom");
    assert_eq!(listed[0]["tier"], "standard");
    assert_eq!(listed[0]["stakeholder_count"], 4);

    let exported = dir.path().join("northwind.graphml");
    let out = rapport(
        &ws,
        &[
            "export",
            "graphml",
            arg(&exported),
            "--account",
            "northwind telecom",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        format!(
            "Exported 4 people, 2 team members, 4 influence ties and 3 coverage ties of \
             Northwind Telecom to {}.",
            exported.display()
        )
    );
    let xml = std::fs::read_to_string(&exported).expect("exported file");
    assert!(xml.contains("attr.type=\"int\""), "{xml}");
    assert!(xml.contains("李伟"));

    let out = rapport(
        &ws,
        &["import", "graphml", arg(&exported), "--account", "Copy"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "Imported 4 people, 2 team members, 4 influence ties and 3 coverage ties \
         into the new account Copy (tier standard)."
    );
    // Appending to an existing account says so.
    let out = rapport(
        &ws,
        &["import", "graphml", arg(&exported), "--account", "Copy"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).trim().ends_with("into Copy."),
        "{}",
        stdout(&out)
    );
    assert_eq!(accounts(&ws).len(), 2);
}

#[test]
fn an_invalid_file_exits_with_4_naming_node_key_and_value_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = empty_workspace(dir.path());
    let out = rapport(
        &ws,
        &[
            "import",
            "graphml",
            arg(&fixture("invalid-power.graphml")),
            "--account",
            "Northwind",
        ],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        "error: invalid GraphML: node \"n2\", key \"power\": \"7\" is not a whole number from 1 to 5"
    );
    assert!(stdout(&out).is_empty());
    assert!(accounts(&ws).is_empty(), "no account created");
}

#[test]
fn unreadable_and_undecodable_files_exit_with_4_naming_the_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = empty_workspace(dir.path());
    let missing = dir.path().join("missing.graphml");
    let out = rapport(&ws, &["import", "graphml", arg(&missing), "--account", "A"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!("error: cannot read {}", missing.display())),
        "{}",
        stderr(&out)
    );
    let latin1 = dir.path().join("latin1.graphml");
    std::fs::write(
        &latin1,
        b"<graphml><graph><node id=\"J\xfcrgen\"/></graph></graphml>",
    )
    .expect("write");
    let out = rapport(&ws, &["import", "graphml", arg(&latin1), "--account", "A"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
    assert!(accounts(&ws).is_empty());
}

#[test]
fn export_of_an_unknown_account_exits_with_4_naming_it_and_writes_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = empty_workspace(dir.path());
    let target = dir.path().join("out.graphml");
    let out = rapport(
        &ws,
        &["export", "graphml", arg(&target), "--account", "Nobody"],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        "error: no account named \"Nobody\"; the workspace has no accounts"
    );
    assert!(!target.exists());

    let nx = fixture("networkx.graphml");
    let out = rapport(
        &ws,
        &["import", "graphml", arg(&nx), "--account", "Northwind"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = rapport(
        &ws,
        &["export", "graphml", arg(&target), "--account", "Southwind"],
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("\"Southwind\"; the workspace has: Northwind"),
        "{}",
        stderr(&out)
    );
    assert!(!target.exists());
}

#[test]
fn export_refuses_to_overwrite_the_workspace_and_reports_write_failures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = empty_workspace(dir.path());
    let nx = fixture("networkx.graphml");
    assert_eq!(
        rapport(&ws, &["import", "graphml", arg(&nx), "--account", "N"])
            .status
            .code(),
        Some(0)
    );
    let out = rapport(&ws, &["export", "graphml", arg(&ws), "--account", "N"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is the workspace itself"),
        "{}",
        stderr(&out)
    );
    assert_eq!(accounts(&ws).len(), 1, "the workspace still opens");

    let nowhere = dir.path().join("no-such-dir").join("out.graphml");
    let out = rapport(&ws, &["export", "graphml", arg(&nowhere), "--account", "N"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!("error: cannot write {}", nowhere.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_workspace_exits_with_3_and_usage_errors_with_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.rapport");
    let nx = fixture("networkx.graphml");
    let out = rapport(&missing, &["import", "graphml", arg(&nx), "--account", "N"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(!missing.exists(), "import does not create workspaces");
    for args in [
        &["import", "graphml", arg(&nx)][..],
        &["import", "graphml", "--account", "N"][..],
        &["import", "graphml", arg(&nx), "--account", "  "][..],
        &["import", "gexf", arg(&nx), "--account", "N"][..],
        &["export", "graphml", "--account", "N"][..],
    ] {
        let out = rapport(&missing, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}
