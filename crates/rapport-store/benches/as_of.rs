//! How long reconstructing an account "as of" a past date takes (issue 5): a 60-person
//! account with five years of daily edits (attitudes, tie strengths, people joining
//! and leaving, coverage, stage changes; about 2,000 recorded actions), read back as
//! of its first week (almost every action reverted) and as of the middle. Target:
//! under 50 ms in release mode.
//!
//! `cargo bench -p rapport-store --bench as_of`

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeDelta};
use criterion::{criterion_group, criterion_main, Criterion};
use rapport_core::*;
use rapport_store::Workspace;

const PEOPLE: usize = 60;
const DAYS: i64 = 5 * 365;

fn person(account_id: Id, i: usize) -> StakeholderFields {
    StakeholderFields {
        account_id,
        name: format!("Person {i}"),
        title: format!("Title {i}"),
        org_unit_id: None,
        reports_to: None,
        dotted_to: None,
        roles: vec![BuyingRole::ALL[i % BuyingRole::ALL.len()]],
        economic_buyer: false,
        coach: false,
        attitude: Attitude::ALL[i % Attitude::ALL.len()],
        power: (i % 5 + 1) as u8,
        interest: ((i / 5) % 5 + 1) as u8,
        org_needs: String::new(),
        personal_wins: String::new(),
        last_contact: None,
        notes: String::new(),
        placeholder: false,
    }
}

/// The workspace, the account and its first day.
fn build(ws: &mut Workspace) -> (Id, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(2021, 1, 4).expect("date");
    let at = |d: i64| {
        (start + TimeDelta::days(d))
            .and_hms_opt(12, 0, 0)
            .expect("t")
            .and_utc()
    };
    ws.set_clock_for_tests(Some(at(0)));
    let account = ws
        .create_account(&AccountFields {
            name: "Five years".into(),
            industry: String::new(),
            region: String::new(),
            tier: Tier::Key,
            annual_revenue: 1e6,
            annual_margin: 1e5,
            factor_scores: vec![],
            clv: ClvInputs::default(),
            notes: String::new(),
        })
        .expect("account");
    let team: Vec<Id> = (0..4)
        .map(|t| {
            ws.create_team_member(&TeamMemberFields {
                name: format!("Team {t}"),
                role: TeamRole::AccountLead,
            })
            .expect("team")
        })
        .collect();
    let mut people: Vec<Id> = (0..PEOPLE)
        .map(|i| ws.create_stakeholder(&person(account, i)).expect("person"))
        .collect();
    let mut ties: Vec<(Id, InfluenceFields)> = Vec::new();
    for i in 0..PEOPLE {
        for step in [1, 7] {
            let f = InfluenceFields {
                account_id: account,
                from_id: people[i],
                to_id: people[(i + step) % PEOPLE],
                strength: (i % 5 + 1) as u8,
                kind: InfluenceKind::Advisor,
                note: String::new(),
            };
            ties.push((ws.create_influence(&f).expect("tie"), f));
        }
    }
    let mut next = PEOPLE;
    for d in 1..=DAYS {
        ws.set_clock_for_tests(Some(at(d)));
        let i = (d as usize * 13) % people.len();
        match d % 10 {
            // A person leaves and someone new joins (every 60 days).
            0 if d % 60 == 0 => {
                ws.delete_stakeholder(people[i]).expect("leave");
                ties.retain(|(_, f)| f.from_id != people[i] && f.to_id != people[i]);
                people[i] = ws.create_stakeholder(&person(account, next)).expect("join");
                next += 1;
            }
            1..=4 => {
                let mut f = person(account, i);
                f.name = ws
                    .account_detail(account)
                    .expect("read")
                    .stakeholders
                    .iter()
                    .find(|s| s.id == people[i])
                    .map(|s| s.fields.name.clone())
                    .expect("name");
                f.attitude = Attitude::ALL[(d as usize) % Attitude::ALL.len()];
                ws.update_stakeholder(people[i], &f).expect("attitude");
            }
            5..=7 if !ties.is_empty() => {
                let k = (d as usize * 7) % ties.len();
                let (id, f) = &mut ties[k];
                f.strength = f.strength % 5 + 1;
                ws.update_influence(*id, f).expect("strength");
            }
            8 => {
                let _ = ws.create_coverage(&CoverageFields {
                    team_member_id: team[(d as usize) % team.len()],
                    stakeholder_id: people[i],
                    strength: (d % 5 + 1) as u8,
                    last_contact: None,
                    note: String::new(),
                });
            }
            _ => {
                ws.create_stage_change(&StageChangeFields {
                    account_id: account,
                    date: (start + TimeDelta::days(d)).to_string(),
                    stage: Stage::ALL[(d as usize / 10) % 5],
                    evidence: String::new(),
                })
                .expect("stage");
            }
        }
    }
    ws.set_clock_for_tests(None);
    (account, start)
}

fn as_of(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::create(&dir.path().join("bench.rapport")).expect("workspace");
    let (account, start) = build(&mut ws);
    eprintln!(
        "history: {} actions over {DAYS} days",
        PEOPLE * 3 + 5 + DAYS as usize + (DAYS / 60) as usize
    );
    let first_week = start + TimeDelta::days(6);
    let middle = start + TimeDelta::days(DAYS / 2);
    for (what, date) in [("first week", first_week), ("middle", middle)] {
        let t = Instant::now();
        let detail = ws.account_detail_as_of(account, date).expect("as of");
        eprintln!(
            "as of the {what} ({date}): {} people, {:.1} ms",
            detail.stakeholders.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let mut group = c.benchmark_group("as_of");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("60 people, 5 years, as of the first week", |b| {
        b.iter(|| {
            ws.account_detail_as_of(account, black_box(first_week))
                .expect("as of")
        });
    });
    group.bench_function("60 people, 5 years, as of the middle", |b| {
        b.iter(|| {
            ws.account_detail_as_of(account, black_box(middle))
                .expect("as of")
        });
    });
    group.finish();
}

criterion_group!(benches, as_of);
criterion_main!(benches);
