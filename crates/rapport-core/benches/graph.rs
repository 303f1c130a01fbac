//! The hot graph algorithms on seeded random influence graphs:
//! PageRank on 10,000 people / 100,000 ties, betweenness on 2,000 / 20,000 and Louvain on
//! 2,000 / 20,000. Inputs are built as the analyses build them (PageRank on the reversed
//! ties with w = s/5, betweenness with lengths 60/s, Louvain with w = s/5).
//! `bench/compare.py` compares the same algorithms with python-igraph and NetworkX.
//!
//! `cargo bench -p rapport-core --bench graph`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use rapport_core::analysis::graph::{betweenness, louvain, pagerank};

/// SplitMix64: a tiny deterministic generator, so the graphs are the same on every run.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (the modulo bias is irrelevant here).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// `m` distinct directed influence ties `(from, to, strength 1..5)` among `n` people,
/// without self-ties.
fn influence_ties(n: usize, m: usize, seed: u64) -> Vec<(u32, u32, u32)> {
    let mut rng = SplitMix64(seed);
    let mut seen = std::collections::HashSet::with_capacity(m);
    let mut ties = Vec::with_capacity(m);
    while ties.len() < m {
        let a = rng.below(n as u64) as u32;
        let b = rng.below(n as u64) as u32;
        if a != b && seen.insert((a, b)) {
            ties.push((a, b, 1 + rng.below(5) as u32));
        }
    }
    ties
}

fn graph_benches(c: &mut Criterion) {
    let ties = influence_ties(10_000, 100_000, 1);
    let reversed: Vec<(u32, u32, f64)> = ties
        .iter()
        .map(|&(from, to, s)| (to, from, f64::from(s) / 5.0))
        .collect();
    c.bench_function("pagerank 10k people / 100k ties", |b| {
        b.iter(|| pagerank(10_000, black_box(&reversed), 0.85, 1e-10));
    });

    let ties = influence_ties(2_000, 20_000, 2);
    let lengths: Vec<(u32, u32, u32)> = ties.iter().map(|&(a, b, s)| (a, b, 60 / s)).collect();
    let weights: Vec<(u32, u32, f64)> = ties
        .iter()
        .map(|&(a, b, s)| (a, b, f64::from(s) / 5.0))
        .collect();
    let mut slow = c.benchmark_group("2k people / 20k ties");
    slow.sample_size(10)
        .measurement_time(Duration::from_secs(10));
    slow.bench_function("betweenness", |b| {
        b.iter(|| betweenness(2_000, black_box(&lengths)));
    });
    slow.bench_function("louvain", |b| {
        b.iter(|| louvain(2_000, black_box(&weights), 42));
    });
    slow.finish();
}

criterion_group!(benches, graph_benches);
criterion_main!(benches);
