//! Fixtures shared by the store's integration tests: a real workspace file in a temp
//! dir and ready-made field values for every entity.

#![allow(dead_code)]

use std::path::PathBuf;

use rapport_core::*;
use rapport_store::{StoreError, Workspace};

pub struct TempWorkspace {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub ws: Workspace,
}

pub fn temp_workspace() -> TempWorkspace {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("test.rapport");
    let ws = Workspace::create(&path).expect("create workspace");
    TempWorkspace { dir, path, ws }
}

pub fn account(name: &str) -> AccountFields {
    AccountFields {
        name: name.into(),
        industry: "Telecommunications".into(),
        region: "APAC".into(),
        tier: Tier::Strategic,
        annual_revenue: 1_234_567.89,
        annual_margin: 0.1 + 0.2,
        factor_scores: vec![],
        clv: rapport_core::ClvInputs::default(),
        notes: "notes 笔记".into(),
    }
}

pub fn stakeholder(account_id: Id, name: &str) -> StakeholderFields {
    StakeholderFields {
        account_id,
        name: name.into(),
        title: "Director".into(),
        org_unit_id: None,
        reports_to: None,
        dotted_to: None,
        roles: vec![BuyingRole::Decider, BuyingRole::User],
        economic_buyer: false,
        coach: false,
        attitude: Attitude::Supporter,
        power: 4,
        interest: 3,
        org_needs: "uptime".into(),
        personal_wins: "promotion".into(),
        last_contact: Some("2026-10-01".into()),
        notes: String::new(),
        placeholder: false,
    }
}

pub fn influence(account_id: Id, from_id: Id, to_id: Id) -> InfluenceFields {
    InfluenceFields {
        account_id,
        from_id,
        to_id,
        strength: 4,
        kind: InfluenceKind::Advisor,
        note: "weekly 1:1".into(),
    }
}

/// The (field, code) pairs of a validation error; panics on any other error.
pub fn field_codes(err: StoreError) -> Vec<(String, FieldErrorCode)> {
    match err {
        StoreError::Validation(v) => v.errors.into_iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A closed workspace file holding account "A" with 200 people: big enough that damaging
/// its middle hits table pages, not the header or the schema. Closing checkpointed its
/// log, so the file alone holds everything.
pub fn closed_file_with_people() -> (tempfile::TempDir, PathBuf) {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("A")).expect("a");
    add_people(&mut t.ws, a, 200);
    drop(t.ws);
    (t.dir, t.path)
}

/// Adds `n` people named "Person <i>" to account `a`.
pub fn add_people(ws: &mut Workspace, a: Id, n: usize) {
    for i in 0..n {
        ws.create_stakeholder(&stakeholder(a, &format!("Person {i}")))
            .expect("person");
    }
}

/// Scribbles over 4 KiB in the middle of the closed file at `path` (past its header and
/// schema pages); returns the damaged bytes.
pub fn damage(path: &std::path::Path) -> Vec<u8> {
    let mut data = std::fs::read(path).expect("read");
    let start = data.len() / 2;
    data[start..start + 4096].fill(0xA5);
    std::fs::write(path, &data).expect("write");
    data
}

/// Everything the app reads from a workspace, history included, for comparing states.
pub fn everything(ws: &Workspace) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}",
        ws.all_account_details().expect("details"),
        ws.list_team_members().expect("team"),
        ws.list_factors().expect("factors"),
        ws.history_state().expect("history"),
    )
}

/// The names of the workspace's accounts, sorted.
pub fn account_names(ws: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = ws
        .list_accounts()
        .expect("accounts")
        .into_iter()
        .map(|a| a.name)
        .collect();
    names.sort();
    names
}
