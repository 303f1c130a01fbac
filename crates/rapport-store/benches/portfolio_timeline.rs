//! How long the portfolio timeline views take on a large portfolio: 500 accounts, each
//! with eight people, a stage history of four to eight changes over three years
//! (regressions included) and its factor scores revised twice a year, all recorded
//! in the history on their days. Measured through the same store and core functions
//! the commands use: `portfolio_timeline` and `portfolio_stages` (on
//! `all_account_stages`, the current records) and `portfolio_trails(8)` (eight past snapshots, one per quarter end).
//!
//! `cargo bench -p rapport-store --bench portfolio_timeline`
//! (shorter: `… -- --warm-up-time 1 --measurement-time 3`)

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeDelta};
use criterion::{criterion_group, criterion_main, Criterion};
use rapport_core::analysis::{portfolio_stages, portfolio_timeline};
use rapport_core::*;
use rapport_store::Workspace;

const ACCOUNTS: usize = 500;
const PEOPLE: usize = 8;
const DAYS: i64 = 3 * 365;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 11, 1).expect("date")
}

fn today() -> NaiveDate {
    start() + TimeDelta::days(DAYS)
}

/// A deterministic small number from `(i, k)`.
fn mix(i: usize, k: usize) -> usize {
    let mut z = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (k as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^= z >> 31;
    z = z.wrapping_mul(0x94D0_49BB_1331_11EB);
    (z >> 33) as usize
}

fn scores(factors: &[Factor], i: usize, round: usize) -> Vec<FactorScore> {
    factors
        .iter()
        .enumerate()
        .map(|(k, f)| FactorScore {
            factor_id: f.id,
            score: (mix(i, k * 31 + round) % 5 + 1) as u8,
        })
        .collect()
}

fn fields(factors: &[Factor], i: usize, round: usize) -> AccountFields {
    AccountFields {
        name: format!("Account {i:03}"),
        industry: String::new(),
        region: String::new(),
        tier: Tier::ALL[i % Tier::ALL.len()],
        annual_revenue: 1e5 * (1 + mix(i, 7) % 100) as f64,
        annual_margin: 1e4 * (1 + mix(i, 8) % 100) as f64,
        factor_scores: scores(factors, i, round),
        clv: ClvInputs::default(),
        notes: String::new(),
    }
}

/// Every action, in date order, recorded at noon of its day.
fn build(ws: &mut Workspace) {
    let factors = ws.list_factors().expect("factors");
    let noon = |d: i64| {
        (start() + TimeDelta::days(d))
            .and_hms_opt(12, 0, 0)
            .expect("t")
            .and_utc()
    };
    // (day, account, what): 0 create, 1 stage change k, 2 rescore round k.
    let mut plan: Vec<(i64, usize, u8, usize)> = Vec::new();
    for i in 0..ACCOUNTS {
        let born = (mix(i, 1) % 200) as i64;
        plan.push((born, i, 0, 0));
        let changes = 4 + mix(i, 2) % 5;
        for k in 0..changes {
            let day = born + ((DAYS - born - 1) * k as i64) / changes as i64;
            plan.push((day, i, 1, k));
        }
        let mut d = born + 180;
        let mut round = 1;
        while d < DAYS {
            plan.push((d, i, 2, round));
            d += 182;
            round += 1;
        }
    }
    plan.sort_unstable();
    let mut ids = vec![0; ACCOUNTS];
    let mut stage = vec![0usize; ACCOUNTS];
    for (day, i, what, k) in plan {
        ws.set_clock_for_tests(Some(noon(day)));
        match what {
            0 => {
                ids[i] = ws.create_account(&fields(&factors, i, 0)).expect("account");
                for p in 0..PEOPLE {
                    ws.create_stakeholder(&StakeholderFields {
                        account_id: ids[i],
                        name: format!("Person {i}-{p}"),
                        title: String::new(),
                        org_unit_id: None,
                        reports_to: None,
                        dotted_to: None,
                        roles: vec![BuyingRole::ALL[p % BuyingRole::ALL.len()]],
                        economic_buyer: false,
                        coach: false,
                        attitude: Attitude::ALL[(i + p) % Attitude::ALL.len()],
                        power: (p % 5 + 1) as u8,
                        interest: 3,
                        org_needs: String::new(),
                        personal_wins: String::new(),
                        last_contact: None,
                        notes: String::new(),
                        placeholder: false,
                    })
                    .expect("person");
                }
            }
            1 => {
                // Mostly forward, now and then back a stage or into disintegration.
                stage[i] = match (k, mix(i, 100 + k) % 6) {
                    (0, _) => 0,
                    (_, 0) => stage[i].saturating_sub(1),
                    (_, 1) if k > 3 => 5,
                    _ => (stage[i] + 1).min(4),
                };
                ws.create_stage_change(&StageChangeFields {
                    account_id: ids[i],
                    date: (start() + TimeDelta::days(day)).to_string(),
                    stage: Stage::ALL[stage[i]],
                    evidence: format!("step {k}"),
                })
                .expect("stage");
            }
            _ => {
                ws.update_account(ids[i], &fields(&factors, i, k))
                    .expect("rescore");
            }
        }
    }
    ws.set_clock_for_tests(None);
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::create(&dir.path().join("bench.rapport")).expect("workspace");
    let t = Instant::now();
    build(&mut ws);
    let today = today();
    let from = today - TimeDelta::days(365);
    eprintln!(
        "built {ACCOUNTS} accounts in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let details = ws.all_account_details().expect("details");
    let changes: usize = details.iter().map(|d| d.stage_changes.len()).sum();
    let timeline = portfolio_timeline(&details, from, today, today);
    let stages = portfolio_stages(&details, today);
    let trails = ws.portfolio_trails(8, today).expect("trails");
    let points: usize = trails.iter().map(|t| t.points.len()).sum();
    eprintln!(
        "{} lanes, {changes} stage changes, {} regressions, {points} trail points",
        timeline.lanes.len(),
        stages.regressions.len()
    );

    let mut group = c.benchmark_group("portfolio_timeline");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("portfolio_timeline, 500 accounts (read + analyse)", |b| {
        b.iter(|| {
            let accounts = ws.all_account_stages().expect("accounts");
            portfolio_timeline(&accounts, black_box(from), today, today)
        });
    });
    group.bench_function("portfolio_stages, 500 accounts (read + analyse)", |b| {
        b.iter(|| {
            let accounts = ws.all_account_stages().expect("accounts");
            portfolio_stages(&accounts, black_box(today))
        });
    });
    group.bench_function(
        "portfolio_timeline + portfolio_stages, analysis only",
        |b| {
            b.iter(|| {
                (
                    portfolio_timeline(&details, black_box(from), today, today),
                    portfolio_stages(&details, black_box(today)),
                )
            });
        },
    );
    group.bench_function("all_account_stages, 500 accounts (the read alone)", |b| {
        b.iter(|| ws.all_account_stages().expect("accounts"));
    });
    group.bench_function(
        "all_account_details, 500 accounts (the full read, for scale)",
        |b| {
            b.iter(|| ws.all_account_details().expect("details"));
        },
    );
    group.bench_function("portfolio_trails(8), 500 accounts", |b| {
        b.iter(|| ws.portfolio_trails(black_box(8), today).expect("trails"));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
