//! The demo workspace on a real file: it must show every feature the app has (all roles
//! and attitudes, dotted lines, a placeholder, a regression, Mei's uncovered CTO), pass
//! validation, leave nothing to undo, and read back the same after reopening.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Months, NaiveDate};
use rapport_core::*;
use rapport_store::demo::{write_demo, DemoSummary};
use rapport_store::Workspace;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 16).expect("date")
}

fn demo_file() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Workspace,
    DemoSummary,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.rapport");
    let mut ws = Workspace::create(&path).expect("create workspace");
    let summary = write_demo(&mut ws, today()).expect("write demo");
    (dir, path, ws, summary)
}

fn northwind(ws: &Workspace) -> AccountDetail {
    let accounts = ws.list_accounts().expect("accounts");
    let id = accounts
        .iter()
        .find(|a| a.name == "Northwind Telecom")
        .expect("Northwind Telecom is in the demo")
        .id;
    ws.account_detail(id).expect("detail")
}

fn by_name<'a>(detail: &'a AccountDetail, name: &str) -> &'a Stakeholder {
    detail
        .stakeholders
        .iter()
        .find(|s| s.fields.name == name)
        .unwrap_or_else(|| panic!("{name} is in the demo"))
}

/// The acceptance numbers of the demo, read through the public API only.
fn check_acceptance(ws: &Workspace) {
    let accounts = ws.list_accounts().expect("accounts");
    assert!(accounts.len() >= 3, "{} accounts", accounts.len());
    let d = northwind(ws);
    assert_eq!(d.account.fields.tier, Tier::Strategic);
    assert_eq!(
        d.account.fields.factor_scores.len(),
        ws.list_factors().expect("factors").len(),
        "a score for every factor"
    );

    assert!(d.org_units.len() >= 4, "{} org units", d.org_units.len());
    assert!(
        d.org_units.iter().any(|u| {
            u.fields
                .parent_id
                .and_then(|p| d.org_units.iter().find(|x| x.id == p))
                .is_some_and(|parent| parent.fields.parent_id.is_some())
        }),
        "units nest at least three deep"
    );

    let people = &d.stakeholders;
    assert!(people.len() >= 25, "{} stakeholders", people.len());
    let roles: HashSet<BuyingRole> = people
        .iter()
        .flat_map(|s| s.fields.roles.iter().copied())
        .collect();
    assert_eq!(roles.len(), BuyingRole::ALL.len(), "all roles: {roles:?}");
    let attitudes: HashSet<Attitude> = people.iter().map(|s| s.fields.attitude).collect();
    assert_eq!(
        attitudes.len(),
        Attitude::ALL.len(),
        "all attitudes: {attitudes:?}"
    );
    assert!(people.iter().any(|s| s.fields.dotted_to.is_some()));
    assert!(people.iter().any(|s| s.fields.placeholder));
    assert_eq!(
        people.iter().filter(|s| s.fields.economic_buyer).count(),
        1,
        "exactly one economic buyer"
    );
    let coaches = people.iter().filter(|s| s.fields.coach).count();
    assert!((1..=2).contains(&coaches), "{coaches} coaches");
    let with_boss = people
        .iter()
        .filter(|s| s.fields.reports_to.is_some())
        .count();
    assert_eq!(with_boss, people.len() - 1, "one reporting hierarchy");
    let contacted = people
        .iter()
        .filter(|s| s.fields.last_contact.is_some())
        .count();
    assert!(contacted * 2 > people.len(), "last contact on many");

    assert!(d.influences.len() >= 40, "{} ties", d.influences.len());
    let kinds: HashSet<InfluenceKind> = d.influences.iter().map(|i| i.fields.kind).collect();
    assert_eq!(kinds.len(), InfluenceKind::ALL.len(), "{kinds:?}");
    for s in people {
        if let Some(boss) = s.fields.reports_to {
            assert!(
                d.influences
                    .iter()
                    .any(|i| i.fields.kind == InfluenceKind::ReportsTo
                        && i.fields.from_id == s.id
                        && i.fields.to_id == boss),
                "{}'s reporting line is a reports_to tie",
                s.fields.name
            );
        }
    }
    let mut out_ties: HashMap<Id, usize> = HashMap::new();
    for i in &d.influences {
        *out_ties.entry(i.fields.from_id).or_default() += 1;
    }
    let hidden = people
        .iter()
        .filter(|s| s.fields.power <= 2 && out_ties.get(&s.id).copied().unwrap_or(0) >= 5)
        .count();
    assert!(hidden >= 2, "{hidden} hidden influencers");

    let team = ws.list_team_members().expect("team");
    assert!(team.len() >= 5);
    let covering: BTreeSet<Id> = accounts
        .iter()
        .flat_map(|a| {
            ws.account_detail(a.id)
                .expect("detail")
                .coverage
                .into_iter()
                .map(|c| c.fields.team_member_id)
        })
        .collect();
    assert!(covering.len() >= 5, "{} team members cover", covering.len());
    let covered: HashSet<Id> = d.coverage.iter().map(|c| c.fields.stakeholder_id).collect();
    assert!(covered.len() >= 10, "{} covered", covered.len());

    assert!(d.interactions.len() >= 20);
    assert!(d
        .interactions
        .iter()
        .all(|i| !i.fields.stakeholder_ids.is_empty() && !i.fields.team_member_ids.is_empty()));

    let stages = &d.stage_changes;
    let first = NaiveDate::parse_from_str(&stages[0].fields.date, "%Y-%m-%d").expect("date");
    let three_years_ago = today().checked_sub_months(Months::new(36)).expect("date");
    assert!(first <= three_years_ago, "history starts {first}");
    assert!(
        stages
            .windows(2)
            .any(|w| w[0].fields.stage.is_regression_to(w[1].fields.stage)),
        "a regression"
    );
    assert!(stages.iter().all(|s| !s.fields.evidence.is_empty()));
    assert_eq!(
        accounts
            .iter()
            .find(|a| a.id == d.account.id)
            .and_then(|a| a.stage),
        Some(Stage::Interdependent)
    );
}

#[test]
fn demo_meets_the_acceptance_numbers_and_survives_reopening() {
    let (_dir, path, ws, summary) = demo_file();
    check_acceptance(&ws);
    assert!(summary.accounts >= 3);
    assert!(summary.stakeholders >= 25);
    let before = ws.list_accounts().expect("accounts");
    drop(ws);

    let ws = Workspace::open(&path).expect("reopen");
    check_acceptance(&ws);
    assert_eq!(ws.list_accounts().expect("accounts"), before);
    assert_eq!(ws.integrity_check().expect("check"), "ok");
}

#[test]
fn demo_leaves_nothing_to_undo_and_a_healthy_file() {
    let (_dir, _path, ws, _) = demo_file();
    let history = ws.history_state().expect("history");
    assert!(!history.can_undo && !history.can_redo, "{history:?}");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
}

#[test]
fn every_demo_row_passes_core_validation() {
    let (_dir, _path, ws, summary) = demo_file();
    for f in ws.list_factors().expect("factors") {
        f.fields.validate().expect("factor");
    }
    let team = ws.list_team_members().expect("team");
    assert_eq!(team.len() as u32, summary.team_members);
    for t in team {
        t.fields.validate().expect("team member");
    }
    let mut totals = DemoSummary {
        team_members: summary.team_members,
        ..DemoSummary::default()
    };
    for a in ws.list_accounts().expect("accounts") {
        let d = ws.account_detail(a.id).expect("detail");
        totals.accounts += 1;
        d.account.fields.validate().expect("account");
        for u in &d.org_units {
            u.fields.validate().expect("org unit");
        }
        for s in &d.stakeholders {
            s.fields
                .validate()
                .unwrap_or_else(|e| panic!("{}: {e}", s.fields.name));
        }
        for i in &d.influences {
            i.fields.validate().expect("influence");
        }
        for c in &d.coverage {
            c.fields.validate().expect("coverage");
        }
        for i in &d.interactions {
            i.fields.validate().expect("interaction");
        }
        for s in &d.stage_changes {
            s.fields.validate().expect("stage change");
        }
        totals.org_units += d.org_units.len() as u32;
        totals.stakeholders += d.stakeholders.len() as u32;
        totals.influences += d.influences.len() as u32;
        totals.coverage += d.coverage.len() as u32;
        totals.interactions += d.interactions.len() as u32;
        totals.stage_changes += d.stage_changes.len() as u32;
    }
    assert_eq!(totals, summary, "the summary counts what was written");
}

/// Mei's Monday: the new CTO is an uncovered placeholder of unknown attitude, our only
/// champion sits two levels below that decider, and the solution engineer knows the
/// chief architect who advises the CTO.
#[test]
fn demo_tells_meis_story() {
    let (_dir, _path, ws, _) = demo_file();
    let d = northwind(&ws);
    let cto = by_name(&d, "CTO – unknown");
    assert!(cto.fields.placeholder);
    assert_eq!(cto.fields.attitude, Attitude::Unknown);
    assert!(cto.fields.roles.contains(&BuyingRole::Decider));
    assert!(d.coverage.iter().all(|c| c.fields.stakeholder_id != cto.id));

    let champions: Vec<&Stakeholder> = d
        .stakeholders
        .iter()
        .filter(|s| s.fields.attitude == Attitude::Champion)
        .collect();
    assert_eq!(champions.len(), 1, "our only champion");
    let boss = |id: Option<Id>| {
        id.and_then(|id| d.stakeholders.iter().find(|s| s.id == id))
            .and_then(|s| s.fields.reports_to)
    };
    assert_eq!(boss(champions[0].fields.reports_to), Some(cto.id));

    let architect = by_name(&d, "Tomasz Nowak");
    assert!(d
        .influences
        .iter()
        .any(|i| i.fields.from_id == architect.id && i.fields.to_id == cto.id));
    let team = ws.list_team_members().expect("team");
    let engineer = team
        .iter()
        .find(|t| t.fields.role == TeamRole::SolutionEngineer)
        .expect("a solution engineer");
    assert!(d
        .coverage
        .iter()
        .any(|c| c.fields.team_member_id == engineer.id
            && c.fields.stakeholder_id == architect.id
            && c.fields.strength >= 4));
}

#[test]
fn demo_is_deterministic_for_a_given_day() {
    let (_d1, _p1, a, _) = demo_file();
    let (_d2, _p2, b, _) = demo_file();
    assert_eq!(northwind(&a), northwind(&b));
    assert_eq!(
        a.list_accounts().expect("accounts"),
        b.list_accounts().expect("accounts")
    );
}

#[test]
fn demo_dates_follow_today() {
    let (_dir, _path, ws, _) = demo_file();
    let d = northwind(&ws);
    let today = today().format("%Y-%m-%d").to_string();
    let latest = d
        .interactions
        .iter()
        .map(|i| i.fields.date.as_str())
        .max()
        .expect("interactions");
    assert!(latest <= today.as_str());
    assert!(latest >= "2026-02-01", "recent activity, got {latest}");
}

#[test]
fn the_demo_gives_every_analysis_something_to_show() {
    use rapport_core::analysis::{
        analyze_account, analyze_portfolio, introduction_paths, AccountInput, RiskKind,
    };
    let (_dir, _path, ws, _) = demo_file();
    let detail = northwind(&ws);
    let team = ws.list_team_members().expect("team");
    let input = AccountInput {
        detail: &detail,
        team: &team,
        today: today(),
    };
    let r = analyze_account(&input);
    assert_eq!(r.stakeholders.len(), detail.stakeholders.len());
    let total: f64 = r.stakeholders.iter().map(|s| s.network_influence).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert_eq!(
        r.economic_buyer.as_ref().map(|p| p.name.as_str()),
        Some("Anders Lindqvist")
    );
    // Mei's story: the unknown CTO is an uncovered decider we know nothing about.
    let cto = r
        .risks
        .iter()
        .find(|x| x.kind == RiskKind::UncoveredDecider)
        .expect("an uncovered decider");
    assert_eq!(cto.people[0].name, "CTO – unknown");
    assert!(r.risks.iter().any(|x| x.kind == RiskKind::UnknownAttitude));
    assert!(r.stakeholders.iter().any(|s| s.hidden_influencer));
    assert!(r.factions.len() >= 2, "the demo has factions");
    assert!(r.account_coverage > 0.0 && r.account_coverage < 1.0);
    let eb = r.economic_buyer.as_ref().map_or(0, |p| p.id);
    let paths = introduction_paths(&input, eb, 3).expect("paths");
    assert_eq!(paths.len(), 3, "three ways to reach the economic buyer");
    assert!(paths
        .iter()
        .all(|p| p.people.iter().all(|x| x.name != "CTO – unknown")));

    let details = ws.all_account_details().expect("details");
    let factors = ws.list_factors().expect("factors");
    let p = analyze_portfolio(&details, &team, &factors, today());
    assert_eq!(p.accounts.len(), 4);
    assert!(
        p.accounts.iter().all(|a| a.nine_box.is_some()),
        "every demo account is rated"
    );
    assert!(p.accounts.iter().all(|a| a.clv > 0.0));
    assert_eq!(p.revenue.rows[0].name, "Northwind Telecom");
}
