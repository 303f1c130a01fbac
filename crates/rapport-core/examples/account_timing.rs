//! Prints how long the per-account analyses take on a generated account
//! (`cargo run --release -p rapport-core --example account_timing -- [PEOPLE] [TIES]`).
//! The criterion bench `analysis` measures the same more carefully.

use std::time::Instant;

use rapport_core::analysis::{analyze_account, introduction_paths, what_if, AccountInput, Removal};

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let people: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let ties: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(people * 3);
    let (detail, team) = support::account(1, people, ties, 4, 7);
    let input = AccountInput {
        detail: &detail,
        team: &team,
        today: support::today(),
    };
    let runs = 200;
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(analyze_account(&input));
    }
    println!(
        "analyze_account ({people} people, {ties} ties): {:?}",
        t.elapsed() / runs
    );
    let target = detail.stakeholders[0].id;
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(introduction_paths(&input, target, 3).ok());
    }
    println!("introduction_paths k=3: {:?}", t.elapsed() / runs);
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(what_if(&input, Removal::Stakeholder(target)).ok());
    }
    println!("what_if: {:?}", t.elapsed() / runs);

    let details: Vec<_> = (1..=500)
        .map(|a| support::account(a, 40, 120, 6, 11).0)
        .collect();
    let team = support::team(6);
    let factors = support::factors();
    let t = Instant::now();
    let runs = 5;
    for _ in 0..runs {
        std::hint::black_box(rapport_core::analysis::analyze_portfolio(
            &details,
            &team,
            &factors,
            support::today(),
        ));
    }
    println!(
        "analyze_portfolio (500 accounts x 40 people): {:?}",
        t.elapsed() / runs
    );
}
