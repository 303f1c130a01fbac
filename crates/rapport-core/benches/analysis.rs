//! The per-account and portfolio analyses on generated accounts (a reporting tree plus
//! random ties, coverage and interactions): what the app runs after every edit.
//!
//! `cargo bench -p rapport-core --bench analysis`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use rapport_core::analysis::{
    analyze_account, analyze_portfolio, introduction_paths, what_if, AccountInput, Removal,
};

#[path = "support/mod.rs"]
mod support;

fn account(c: &mut Criterion) {
    let mut group = c.benchmark_group("account");
    group.measurement_time(Duration::from_secs(8));
    for (people, ties) in [(26, 57), (60, 180)] {
        let (detail, team) = support::account(1, people, ties, 4, 7);
        let input = AccountInput {
            detail: &detail,
            team: &team,
            today: support::today(),
        };
        group.bench_function(format!("analyze {people} people"), |b| {
            b.iter(|| black_box(analyze_account(black_box(&input))))
        });
        let target = detail.stakeholders[0].id;
        group.bench_function(format!("paths k=3 {people} people"), |b| {
            b.iter(|| black_box(introduction_paths(&input, target, 3)))
        });
        group.bench_function(format!("what-if {people} people"), |b| {
            b.iter(|| black_box(what_if(&input, Removal::Stakeholder(target))))
        });
    }
    group.finish();
}

fn portfolio(c: &mut Criterion) {
    let mut group = c.benchmark_group("portfolio");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    let details: Vec<_> = (1..=500)
        .map(|a| support::account(a, 40, 120, 6, 11).0)
        .collect();
    let team = support::team(6);
    let factors = support::factors();
    group.bench_function("500 accounts x 40 people", |b| {
        b.iter(|| {
            black_box(analyze_portfolio(
                &details,
                &team,
                &factors,
                support::today(),
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, account, portfolio);
criterion_main!(benches);
