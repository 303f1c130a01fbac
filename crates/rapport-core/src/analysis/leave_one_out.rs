//! Leave-one-out PageRank: the scores of a graph with each of several nodes removed in
//! turn, computed together. Key-person dependency needs one PageRank per stakeholder;
//! running them as lanes of one power iteration reads the graph once per iteration
//! for all of them and lets the compiler vectorise over the lanes.
//!
//! Lane `l` is the graph without node `removed[l]`: its ties to and from that node are
//! gone, out-weights are renormalised without them, a node left without out-ties
//! becomes dangling, and teleportation is uniform over the `n − 1` nodes that remain.
//! Each lane is exactly [`super::graph::pagerank`] of that smaller graph, iterated
//! until every lane's L1 change is below the tolerance.

use crate::analysis::graph::Csr;

/// Lanes per block: enough to vectorise, few enough to stay in cache.
const LANES: usize = 32;

/// PageRank with each of `removed` left out, one score vector per removed node (indexed
/// like the full graph; the removed node scores 0). `ties` are unique `(source,
/// target, weight)` sorted by pair, as `graph::unique_ties` returns; `start` is the
/// full graph's PageRank, used (renormalised) as the starting point of every lane.
pub(crate) fn leave_one_out_pagerank(
    n: usize,
    ties: &[(u32, u32, f64)],
    removed: &[u32],
    damping: f64,
    tolerance: f64,
    start: &[f64],
) -> Vec<Vec<f64>> {
    // Blocks of equal size (40 removals make two blocks of 20, not 32 and 8).
    let blocks = removed.len().div_ceil(LANES).max(1);
    let size = removed.len().div_ceil(blocks).max(1);
    removed
        .chunks(size)
        .flat_map(|block| block_pagerank(n, ties, block, damping, tolerance, start))
        .collect()
}

fn block_pagerank(
    n: usize,
    ties: &[(u32, u32, f64)],
    block: &[u32],
    damping: f64,
    tolerance: f64,
    start: &[f64],
) -> Vec<Vec<f64>> {
    let lanes = block.len();
    if n < 2 || lanes == 0 {
        return vec![vec![0.0; n]; lanes];
    }
    let at = |v: usize, l: usize| v * lanes + l;
    // Out-weight and out-degree of every node in every lane.
    let mut out_weight = vec![0.0f64; n * lanes];
    let mut out_count = vec![0u32; n * lanes];
    for &(u, v, w) in ties {
        let (u, v) = (u as usize, v as usize);
        for (l, &s) in block.iter().enumerate() {
            if s as usize != u && s as usize != v {
                out_weight[at(u, l)] += w;
                out_count[at(u, l)] += 1;
            }
        }
    }
    // 1/out-weight (0 for dangling or removed nodes), the dangling (node, lane) pairs,
    // and which lane (if any) each node is removed in.
    let mut inverse = vec![0.0f64; n * lanes];
    let mut dangling: Vec<(u32, u32)> = Vec::new();
    let mut removed_in: Vec<Option<usize>> = vec![None; n];
    let mut present = vec![1.0f64; n * lanes];
    for (u, slot) in removed_in.iter_mut().enumerate() {
        for (l, &s) in block.iter().enumerate() {
            let i = at(u, l);
            if s as usize == u {
                present[i] = 0.0;
                *slot = Some(l);
            } else if out_count[i] == 0 {
                dangling.push((u as u32, l as u32));
            } else {
                inverse[i] = 1.0 / out_weight[i];
            }
        }
    }
    // Incoming ties per node (pull form).
    let incoming: Vec<(u32, u32, f64)> = ties.iter().map(|&(u, v, w)| (v, u, w)).collect();
    let pull = Csr::by_row(n, &incoming);

    let remaining = (n - 1) as f64;
    let mut x = vec![0.0f64; n * lanes];
    for l in 0..lanes {
        let total: f64 = (0..n).map(|u| start[u] * present[at(u, l)]).sum();
        for u in 0..n {
            x[at(u, l)] = if total > 0.0 {
                start[u] * present[at(u, l)] / total
            } else {
                present[at(u, l)] / remaining
            };
        }
    }
    let mut next = vec![0.0f64; n * lanes];
    let mut flow = vec![0.0f64; n * lanes];
    let mut base = vec![0.0f64; lanes];
    let mut change = vec![0.0f64; lanes];
    for _ in 0..10_000 {
        base.iter_mut().for_each(|b| *b = 0.0);
        for &(u, l) in &dangling {
            base[l as usize] += x[at(u as usize, l as usize)];
        }
        for b in base.iter_mut() {
            *b = (1.0 - damping) / remaining + damping * *b / remaining;
        }
        for ((f, &xi), &inv) in flow.iter_mut().zip(&x).zip(&inverse) {
            *f = damping * xi * inv;
        }
        change.iter_mut().for_each(|c| *c = 0.0);
        for (v, removed_here) in removed_in.iter().enumerate() {
            let row = at(v, 0)..at(v, 0) + lanes;
            let out = &mut next[row.clone()];
            out.copy_from_slice(&base);
            for (u, w) in pull.neighbours(v) {
                let u = u as usize;
                let from = &flow[at(u, 0)..at(u, 0) + lanes];
                for (o, &f) in out.iter_mut().zip(from) {
                    *o += w * f;
                }
            }
            // The removed node scores nothing in its own lane.
            if let Some(l) = *removed_here {
                out[l] = 0.0;
            }
            for ((o, &old), c) in out.iter().zip(&x[row]).zip(change.iter_mut()) {
                *c += (*o - old).abs();
            }
        }
        std::mem::swap(&mut x, &mut next);
        if change.iter().all(|&c| c < tolerance) {
            break;
        }
    }
    (0..lanes)
        .map(|l| (0..n).map(|u| x[at(u, l)]).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::graph::{pagerank, unique_ties};

    /// A small irregular graph with a dangling node, a node whose only tie goes to
    /// another node (dangling once that one is removed) and a repeated pair.
    fn ties() -> Vec<(u32, u32, f64)> {
        unique_ties(
            7,
            &[
                (0, 1, 0.4),
                (1, 2, 1.0),
                (2, 0, 0.6),
                (2, 3, 0.2),
                (3, 4, 0.8),
                (4, 1, 0.6),
                (4, 1, 1.0),
                (5, 4, 0.4),
                (1, 5, 0.2),
                (6, 6, 0.4),
            ],
        )
    }

    #[test]
    fn every_lane_equals_pagerank_of_the_smaller_graph() {
        let n = 7;
        let ties = ties();
        let full = pagerank(n, &ties, 0.85, 1e-13);
        let removed: Vec<u32> = (0..n as u32).collect();
        let lanes = leave_one_out_pagerank(n, &ties, &removed, 0.85, 1e-13, &full);
        for (&s, lane) in removed.iter().zip(&lanes) {
            // The same graph with s taken out and the others renumbered.
            let keep: Vec<u32> = (0..n as u32).filter(|&v| v != s).collect();
            let index = |v: u32| keep.iter().position(|&k| k == v).map(|p| p as u32);
            let smaller: Vec<(u32, u32, f64)> = ties
                .iter()
                .filter_map(|&(a, b, w)| Some((index(a)?, index(b)?, w)))
                .collect();
            let expected = pagerank(n - 1, &smaller, 0.85, 1e-13);
            assert_eq!(lane[s as usize], 0.0);
            for (k, &v) in keep.iter().enumerate() {
                assert!(
                    (lane[v as usize] - expected[k]).abs() < 1e-10,
                    "without {s}: node {v} {} vs {}",
                    lane[v as usize],
                    expected[k]
                );
            }
        }
    }
}
