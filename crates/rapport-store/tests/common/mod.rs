//! Fixtures shared by the store's integration tests: a real workspace file in a temp
//! dir and ready-made field values for every entity.

#![allow(dead_code)]

use std::path::PathBuf;

use rapport_core::*;
use rapport_store::Workspace;

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
