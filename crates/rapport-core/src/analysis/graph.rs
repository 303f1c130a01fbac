//! The hot graph algorithms, written on compact adjacency arrays (CSR): weighted
//! PageRank, weighted Brandes betweenness and Louvain communities.
//!
//! Nodes are `0..n` as `u32`. Every function takes a plain edge list so that it can be
//! used on an account's stakeholders, on a benchmark graph, or on a NetworkX fixture
//! alike; each documents how it merges repeated pairs. Results are deterministic:
//! parallel work is split into fixed chunks whose partial results are combined in
//! chunk order, so the thread count never changes a bit of the output.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rayon::prelude::*;

/// Compressed adjacency: the neighbours of `v` are `targets[offsets[v]..offsets[v + 1]]`.
#[derive(Debug, Clone)]
pub(crate) struct Csr<W> {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<W>,
}

impl<W: Copy + Default> Csr<W> {
    /// Builds from `(row, column, weight)` triples by a counting sort on the row;
    /// within a row, triples keep their order.
    pub fn by_row(n: usize, edges: &[(u32, u32, W)]) -> Self {
        let mut offsets = vec![0usize; n + 1];
        for &(r, _, _) in edges {
            offsets[r as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; edges.len()];
        let mut weights = vec![W::default(); edges.len()];
        for &(r, c, w) in edges {
            let slot = fill[r as usize];
            targets[slot] = c;
            weights[slot] = w;
            fill[r as usize] += 1;
        }
        Csr {
            offsets,
            targets,
            weights,
        }
    }

    pub fn neighbours(&self, v: usize) -> impl Iterator<Item = (u32, W)> + '_ {
        let range = self.offsets[v]..self.offsets[v + 1];
        self.targets[range.clone()]
            .iter()
            .copied()
            .zip(self.weights[range].iter().copied())
    }
}

/// Sorts `(a, b, w)` by `(a, b)` and keeps one triple per pair, chosen by `keep`
/// (which returns true when the new weight should replace the kept one).
fn dedup_pairs<W: Copy>(
    mut edges: Vec<(u32, u32, W)>,
    keep: impl Fn(W, W) -> bool,
) -> Vec<(u32, u32, W)> {
    edges.sort_unstable_by_key(|&(a, b, _)| (a, b));
    let mut out: Vec<(u32, u32, W)> = Vec::with_capacity(edges.len());
    for e in edges {
        match out.last_mut() {
            Some(last) if last.0 == e.0 && last.1 == e.1 => {
                if keep(e.2, last.2) {
                    last.2 = e.2;
                }
            }
            _ => out.push(e),
        }
    }
    out
}

/// Both directions of every undirected pair, one per pair, self-loops dropped.
fn symmetric<W: Copy>(
    n: usize,
    edges: &[(u32, u32, W)],
    keep: impl Fn(W, W) -> bool,
) -> Vec<(u32, u32, W)> {
    let canonical: Vec<(u32, u32, W)> = edges
        .iter()
        .filter(|&&(a, b, _)| a != b && (a as usize) < n && (b as usize) < n)
        .map(|&(a, b, w)| (a.min(b), a.max(b), w))
        .collect();
    let unique = dedup_pairs(canonical, keep);
    let mut both = Vec::with_capacity(unique.len() * 2);
    for &(a, b, w) in &unique {
        both.push((a, b, w));
        both.push((b, a, w));
    }
    both.sort_unstable_by_key(|&(a, b, _)| (a, b));
    both
}

/// Nodes per parallel work unit: fixed, so results do not depend on the thread count.
const CHUNK: usize = 500;
/// Below this many edges a single thread is faster than fanning out.
const PARALLEL_EDGES: usize = 50_000;

/// Weighted PageRank.
///
/// `edges` are `(source, target, weight > 0)` and rank flows from source to target
/// (callers pass influence ties already reversed, see the domain primer). Repeated
/// `(source, target)` pairs count once, with the largest weight; self-loops are kept
/// (as NetworkX does). Each node's out-weights are normalised; a node without
/// out-weight spreads its rank evenly over all nodes; teleportation is uniform.
/// Iterates until the L1 change between two iterations is below `tolerance`
/// (or 10,000 iterations). Scores sum to 1.
pub fn pagerank(n: usize, edges: &[(u32, u32, f64)], damping: f64, tolerance: f64) -> Vec<f64> {
    pagerank_from(n, edges, damping, tolerance, None)
}

/// [`pagerank`] starting from `start` (a distribution over the `n` nodes, e.g. the
/// scores of a nearly identical graph) instead of the uniform one. It converges to
/// the same scores, in fewer iterations when `start` is close.
pub(crate) fn pagerank_from(
    n: usize,
    edges: &[(u32, u32, f64)],
    damping: f64,
    tolerance: f64,
    start: Option<&[f64]>,
) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    power_iteration(n, &pull_form(n, edges), damping, tolerance, start)
}

/// The pull form of PageRank's graph: for each target, its sources with the
/// normalised weight of their tie, and each node's total out-weight. Repeated pairs
/// keep their largest weight; unusable ties (out of range, weight not > 0) are
/// dropped. One counting sort by target plus a linear pass with a marker array.
fn pull_form(n: usize, edges: &[(u32, u32, f64)]) -> (Csr<f64>, Vec<f64>) {
    let usable = |&&(a, b, w): &&(u32, u32, f64)| {
        (a as usize) < n && (b as usize) < n && w > 0.0 && w.is_finite()
    };
    // Bucket the ties by target (a counting sort, straight from the input).
    let mut bucket = vec![0usize; n + 1];
    for &(_, b, _) in edges.iter().filter(usable) {
        bucket[b as usize + 1] += 1;
    }
    for i in 0..n {
        bucket[i + 1] += bucket[i];
    }
    let total = bucket[n];
    let mut fill = bucket.clone();
    let mut raw_sources = vec![0u32; total];
    let mut raw_weights = vec![0.0f64; total];
    for &(a, b, w) in edges.iter().filter(usable) {
        let slot = &mut fill[b as usize];
        raw_sources[*slot] = a;
        raw_weights[*slot] = w;
        *slot += 1;
    }
    let by_target = Csr {
        offsets: bucket,
        targets: raw_sources,
        weights: raw_weights,
    };
    let mut seen_in = vec![u32::MAX; n];
    let mut position = vec![0usize; n];
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut sources: Vec<u32> = Vec::with_capacity(total);
    let mut weights: Vec<f64> = Vec::with_capacity(total);
    for v in 0..n {
        for (u, w) in by_target.neighbours(v) {
            let ui = u as usize;
            if seen_in[ui] == v as u32 {
                let slot = &mut weights[position[ui]];
                if w > *slot {
                    *slot = w;
                }
            } else {
                seen_in[ui] = v as u32;
                position[ui] = sources.len();
                sources.push(u);
                weights.push(w);
            }
        }
        offsets.push(sources.len());
    }
    let mut out_weight = vec![0.0f64; n];
    for (&u, &w) in sources.iter().zip(&weights) {
        out_weight[u as usize] += w;
    }
    for (w, &u) in weights.iter_mut().zip(&sources) {
        *w /= out_weight[u as usize];
    }
    let pull = Csr {
        offsets,
        targets: sources,
        weights,
    };
    (pull, out_weight)
}

/// The usable ties of `edges` for PageRank, one per `(source, target)` pair with its
/// largest weight, sorted by pair.
pub(crate) fn unique_ties(n: usize, edges: &[(u32, u32, f64)]) -> Vec<(u32, u32, f64)> {
    let usable: Vec<(u32, u32, f64)> = edges
        .iter()
        .filter(|&&(a, b, w)| (a as usize) < n && (b as usize) < n && w > 0.0 && w.is_finite())
        .copied()
        .collect();
    // Bucket by source (a counting sort), then sort each short bucket by target: far
    // cheaper than one comparison sort of every tie.
    let by_source = Csr::by_row(n, &usable);
    let mut out = Vec::with_capacity(usable.len());
    let mut row: Vec<(u32, f64)> = Vec::new();
    for a in 0..n {
        row.clear();
        row.extend(by_source.neighbours(a));
        row.sort_unstable_by_key(|&(b, _)| b);
        for &(b, w) in &row {
            match out.last_mut() {
                Some(&mut (la, lb, ref mut lw)) if la == a as u32 && lb == b => {
                    if w > *lw {
                        *lw = w;
                    }
                }
                _ => out.push((a as u32, b, w)),
            }
        }
    }
    out
}

/// PageRank of ties already made unique by [`unique_ties`].
pub(crate) fn pagerank_unique(
    n: usize,
    forward: &[(u32, u32, f64)],
    damping: f64,
    tolerance: f64,
    start: Option<&[f64]>,
) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut out_weight = vec![0.0f64; n];
    for &(a, _, w) in forward {
        out_weight[a as usize] += w;
    }
    // Pull form: for each target, its sources and the normalised weight of the tie.
    let incoming: Vec<(u32, u32, f64)> = forward
        .iter()
        .map(|&(a, b, w)| (b, a, w / out_weight[a as usize]))
        .collect();
    let pull = Csr::by_row(n, &incoming);
    power_iteration(n, &(pull, out_weight), damping, tolerance, start)
}

/// The power iteration on a pull-form graph (see [`pull_form`]).
fn power_iteration(
    n: usize,
    (pull, out_weight): &(Csr<f64>, Vec<f64>),
    damping: f64,
    tolerance: f64,
    start: Option<&[f64]>,
) -> Vec<f64> {
    let dangling: Vec<u32> = (0..n as u32)
        .filter(|&v| out_weight[v as usize] == 0.0)
        .collect();

    let nf = n as f64;
    let parallel = pull.targets.len() >= PARALLEL_EDGES;
    let mut x = match start {
        Some(s) if s.len() == n => s.to_vec(),
        _ => vec![1.0 / nf; n],
    };
    let mut next = vec![0.0f64; n];
    for _ in 0..10_000 {
        let dangling_sum: f64 = dangling.iter().map(|&v| x[v as usize]).sum();
        let base = (1.0 - damping) / nf + damping * dangling_sum / nf;
        let step = |start: usize, chunk: &mut [f64]| -> f64 {
            let mut change = 0.0;
            for (i, slot) in chunk.iter_mut().enumerate() {
                let v = start + i;
                let mut sum = 0.0;
                for (u, c) in pull.neighbours(v) {
                    sum += c * x[u as usize];
                }
                let value = base + damping * sum;
                change += (value - x[v]).abs();
                *slot = value;
            }
            change
        };
        let change: f64 = if parallel {
            let parts: Vec<f64> = next
                .par_chunks_mut(CHUNK)
                .enumerate()
                .map(|(c, chunk)| step(c * CHUNK, chunk))
                .collect();
            parts.iter().sum()
        } else {
            next.chunks_mut(CHUNK)
                .enumerate()
                .map(|(c, chunk)| step(c * CHUNK, chunk))
                .sum()
        };
        std::mem::swap(&mut x, &mut next);
        if change < tolerance {
            break;
        }
    }
    x
}

/// Betweenness centrality (Brandes) of the undirected graph with integer edge lengths.
///
/// `edges` are `(a, b, length > 0)`; a pair given more than once, in either direction,
/// keeps its shortest length; self-loops are ignored. Lengths are integers so that
/// equally long paths compare exactly (the domain's distance 1/w = 5/strength is
/// scaled by 12 to 60/strength, which leaves betweenness unchanged). The result is
/// normalised by (n−1)(n−2)/2, the number of pairs that could route through a node,
/// as NetworkX's `betweenness_centrality(normalized=True)` does for undirected graphs.
///
/// Each source's shortest paths come from Dijkstra with a bucket queue (Dial's
/// algorithm) when lengths are small, as the domain's are, else a binary heap.
pub fn betweenness(n: usize, edges: &[(u32, u32, u32)]) -> Vec<f64> {
    if n <= 2 {
        return vec![0.0; n];
    }
    let usable: Vec<(u32, u32, u32)> = edges.iter().filter(|e| e.2 > 0).copied().collect();
    let mut both = symmetric(n, &usable, |new, old| new < old);
    // Dividing every length by their common divisor keeps every comparison of path
    // lengths and makes the bucket queue's steps as short as possible.
    let divisor = both.iter().fold(0u32, |g, e| gcd(g, e.2)).max(1);
    both.iter_mut().for_each(|e| e.2 /= divisor);
    let max_length = both.iter().map(|e| e.2).max().unwrap_or(1);
    // Target and length side by side: one memory stream per neighbour scan.
    let csr = Csr::by_row(n, &both);
    let arcs: Vec<(u32, u32)> = csr.targets.iter().copied().zip(csr.weights).collect();
    let g = Adjacency {
        offsets: csr.offsets,
        arcs,
    };
    let sources: Vec<u32> = (0..n as u32).collect();
    let run = |chunk: &[u32]| -> Vec<f64> {
        let mut scratch = BrandesScratch::new(n, max_length);
        let mut partial = vec![0.0f64; n];
        for &s in chunk {
            scratch.accumulate(&g, s, &mut partial);
        }
        partial
    };
    // Fixed source chunks, summed in order: deterministic for any thread count.
    let chunk = 64;
    let partials: Vec<Vec<f64>> = if g.arcs.len() >= 2_000 {
        sources.par_chunks(chunk).map(run).collect()
    } else {
        sources.chunks(chunk).map(run).collect()
    };
    let mut total = vec![0.0f64; n];
    for p in &partials {
        for (t, v) in total.iter_mut().zip(p) {
            *t += v;
        }
    }
    // Each unordered pair was counted from both ends.
    let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
    total.iter().map(|v| v * scale).collect()
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Undirected adjacency with integer lengths: arcs of `v` are
/// `arcs[offsets[v]..offsets[v + 1]]` as `(neighbour, length)`.
struct Adjacency {
    offsets: Vec<usize>,
    arcs: Vec<(u32, u32)>,
}

impl Adjacency {
    fn arcs(&self, v: usize) -> &[(u32, u32)] {
        &self.arcs[self.offsets[v]..self.offsets[v + 1]]
    }
}

/// Lengths up to this use the bucket queue; longer ones the binary heap.
const MAX_BUCKET_LENGTH: u32 = 4096;

/// A monotone priority queue of nodes by integer distance.
enum Frontier {
    /// Dial's circular buckets: slot `d & mask` holds the nodes at distance `d`; all
    /// pending distances lie within one maximum length of the current one, and there
    /// are more slots (a power of two) than that.
    Buckets {
        slots: Vec<Vec<u32>>,
        current: u64,
        pending: usize,
    },
    Heap(BinaryHeap<Reverse<(u64, u32)>>),
}

impl Frontier {
    fn new(max_length: u32) -> Self {
        if max_length <= MAX_BUCKET_LENGTH {
            Frontier::Buckets {
                slots: vec![Vec::new(); (max_length as usize + 1).next_power_of_two()],
                current: 0,
                pending: 0,
            }
        } else {
            Frontier::Heap(BinaryHeap::new())
        }
    }

    fn reset(&mut self) {
        match self {
            Frontier::Buckets {
                slots,
                current,
                pending,
            } => {
                slots.iter_mut().for_each(Vec::clear);
                *current = 0;
                *pending = 0;
            }
            Frontier::Heap(heap) => heap.clear(),
        }
    }

    fn push(&mut self, d: u64, v: u32) {
        match self {
            Frontier::Buckets { slots, pending, .. } => {
                let mask = slots.len() as u64 - 1;
                slots[(d & mask) as usize].push(v);
                *pending += 1;
            }
            Frontier::Heap(heap) => heap.push(Reverse((d, v))),
        }
    }

    /// The next `(distance, node)`, smallest distance first (stale entries included;
    /// the caller skips them).
    fn pop(&mut self) -> Option<(u64, u32)> {
        match self {
            Frontier::Buckets {
                slots,
                current,
                pending,
            } => {
                if *pending == 0 {
                    return None;
                }
                let mask = slots.len() as u64 - 1;
                loop {
                    if let Some(v) = slots[(*current & mask) as usize].pop() {
                        *pending -= 1;
                        return Some((*current, v));
                    }
                    *current += 1;
                }
            }
            Frontier::Heap(heap) => heap.pop().map(|Reverse(e)| e),
        }
    }
}

/// Per-thread buffers for Brandes, reset only where a source's search touched them.
struct BrandesScratch {
    dist: Vec<u64>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    order: Vec<u32>,
    frontier: Frontier,
}

impl BrandesScratch {
    fn new(n: usize, max_length: u32) -> Self {
        BrandesScratch {
            dist: vec![u64::MAX; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
            frontier: Frontier::new(max_length),
        }
    }

    /// Adds the dependencies of source `s` to `into`.
    fn accumulate(&mut self, g: &Adjacency, s: u32, into: &mut [f64]) {
        let s = s as usize;
        self.frontier.reset();
        self.dist[s] = 0;
        self.sigma[s] = 1.0;
        self.frontier.push(0, s as u32);
        // Dijkstra. Lengths are positive, so every predecessor of v settles before v
        // and sigma[v] is final when v is settled.
        while let Some((d, v)) = self.frontier.pop() {
            let vu = v as usize;
            // A node is pushed again only at a strictly shorter distance, so an entry
            // longer than the node's distance is stale and the first pop settles it.
            if d > self.dist[vu] {
                continue;
            }
            self.order.push(v);
            let sigma_v = self.sigma[vu];
            for &(w, len) in g.arcs(vu) {
                let wu = w as usize;
                let nd = d + u64::from(len);
                let dw = self.dist[wu];
                if nd < dw {
                    self.dist[wu] = nd;
                    self.sigma[wu] = sigma_v;
                    self.frontier.push(nd, w);
                } else if nd == dw {
                    self.sigma[wu] += sigma_v;
                }
            }
        }
        // Back-propagate in reverse settle order; predecessors are recomputed from the
        // exact distances instead of being stored.
        for &w in self.order.iter().rev() {
            let wu = w as usize;
            let coefficient = (1.0 + self.delta[wu]) / self.sigma[wu];
            let dw = self.dist[wu];
            for &(v, len) in g.arcs(wu) {
                let vu = v as usize;
                let dv = self.dist[vu];
                if dv != u64::MAX && dv + u64::from(len) == dw {
                    self.delta[vu] += self.sigma[vu] * coefficient;
                }
            }
            if wu != s {
                into[wu] += self.delta[wu];
            }
        }
        for &v in &self.order {
            let vu = v as usize;
            self.dist[vu] = u64::MAX;
            self.sigma[vu] = 0.0;
            self.delta[vu] = 0.0;
        }
        self.order.clear();
    }
}

/// SplitMix64: a tiny, well-mixed, seedable generator for shuffles.
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The undirected weighted graph Louvain and modularity work on.
fn undirected_weighted(n: usize, edges: &[(u32, u32, f64)]) -> Csr<f64> {
    let usable: Vec<(u32, u32, f64)> = edges
        .iter()
        .filter(|e| e.2 > 0.0 && e.2.is_finite())
        .copied()
        .collect();
    Csr::by_row(n, &symmetric(n, &usable, |new, old| new > old))
}

/// Newman modularity (resolution 1) of `labels` on the undirected weighted graph of
/// `edges` (a pair given twice keeps its largest weight; self-loops are ignored).
/// Equals NetworkX's `community.modularity`. A graph without edges has modularity 0.
pub fn modularity(n: usize, edges: &[(u32, u32, f64)], labels: &[u32]) -> f64 {
    let g = undirected_weighted(n, edges);
    modularity_of(&g, labels)
}

fn modularity_of(g: &Csr<f64>, labels: &[u32]) -> f64 {
    let n = g.offsets.len() - 1;
    let k = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut inside = vec![0.0f64; k];
    let mut degree = vec![0.0f64; k];
    let mut two_m = 0.0;
    for v in 0..n {
        let cv = labels[v] as usize;
        for (u, w) in g.neighbours(v) {
            two_m += w;
            degree[cv] += w;
            if labels[u as usize] as usize == cv {
                inside[cv] += w;
            }
        }
    }
    if two_m == 0.0 {
        return 0.0;
    }
    // `inside` counted each internal edge from both ends: that is 2·L_c.
    (0..k)
        .map(|c| inside[c] / two_m - (degree[c] / two_m).powi(2))
        .sum()
}

/// A level of Louvain: a weighted graph whose nodes may carry self-loop weight.
struct Level {
    adjacency: Csr<f64>,
    /// Self-loop weight of each node (counted once; it adds 2× to the node's degree).
    self_loops: Vec<f64>,
}

impl Level {
    fn len(&self) -> usize {
        self.self_loops.len()
    }

    fn degree(&self, v: usize) -> f64 {
        self.adjacency.neighbours(v).map(|(_, w)| w).sum::<f64>() + 2.0 * self.self_loops[v]
    }
}

/// Louvain communities of the undirected weighted graph of `edges` (a pair given twice
/// keeps its largest weight; self-loops ignored), deterministic for a given `seed`.
///
/// Each run visits nodes in a seeded random order, moves each to the neighbouring
/// community with the largest modularity gain until no move helps, then merges the
/// communities into nodes and repeats. Several seeded restarts (more on small graphs)
/// are run and the partition with the highest modularity is kept. Returns a label per
/// node, `0..k`, numbered in order of each community's smallest node.
pub fn louvain(n: usize, edges: &[(u32, u32, f64)], seed: u64) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    let base = Level {
        adjacency: undirected_weighted(n, edges),
        self_loops: vec![0.0; n],
    };
    let restarts = (100_000 / (base.adjacency.targets.len() + 1)).clamp(1, 4);
    let mut seeds = SplitMix64(seed);
    let mut best: Option<(f64, Vec<u32>)> = None;
    for _ in 0..restarts {
        let labels = louvain_run(&base, seeds.next());
        let q = modularity_of(&base.adjacency, &labels);
        if best.as_ref().is_none_or(|(bq, _)| q > *bq + 1e-15) {
            best = Some((q, labels));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

fn louvain_run(base: &Level, seed: u64) -> Vec<u32> {
    let n = base.len();
    let mut rng = SplitMix64(seed);
    // membership[v] = the node of the current level that original node v belongs to.
    let mut membership: Vec<u32> = (0..n as u32).collect();
    let two_m: f64 = base.adjacency.weights.iter().sum();
    if two_m == 0.0 {
        return membership;
    }
    let mut scratch = MoveScratch::default();
    let mut owned: Option<Level> = None;
    loop {
        let level = owned.as_ref().unwrap_or(base);
        let (community, moved) = local_moves(level, two_m, &mut rng, &mut scratch, None);
        if !moved {
            break;
        }
        let (renumbered, count) = renumber(&community);
        for m in membership.iter_mut() {
            *m = renumbered[*m as usize];
        }
        if count == level.len() {
            break;
        }
        owned = Some(aggregate(level, &renumbered, count, &mut scratch));
    }
    // Polish: single nodes may still gain by leaving the community their group was
    // merged into; one more round of moves on the original graph lets them.
    let (polished, _) = local_moves(base, two_m, &mut rng, &mut scratch, Some(&membership));
    renumber(&polished).0
}

/// Buffers reused across the levels of one run.
#[derive(Default)]
struct MoveScratch {
    /// Weight from the node being placed to each community (zero between uses).
    link: Vec<f64>,
    /// Communities whose `link` is non-zero.
    touched: Vec<u32>,
}

impl MoveScratch {
    fn reset(&mut self, n: usize) {
        self.link.clear();
        self.link.resize(n, 0.0);
        self.touched.clear();
    }

    fn add(&mut self, c: u32, w: f64) {
        let slot = &mut self.link[c as usize];
        if *slot == 0.0 {
            self.touched.push(c);
        }
        *slot += w;
    }

    fn clear_touched(&mut self) {
        for &c in &self.touched {
            self.link[c as usize] = 0.0;
        }
        self.touched.clear();
    }
}

/// Phase one: greedy moves until a full pass changes nothing. Returns each node's
/// community and whether anything moved at all.
fn local_moves(
    level: &Level,
    two_m: f64,
    rng: &mut SplitMix64,
    scratch: &mut MoveScratch,
    start: Option<&[u32]>,
) -> (Vec<u32>, bool) {
    let n = level.len();
    let degree: Vec<f64> = (0..n).map(|v| level.degree(v)).collect();
    // Singletons, or a given partition to polish.
    let mut community: Vec<u32> = match start {
        Some(labels) => labels.to_vec(),
        None => (0..n as u32).collect(),
    };
    let mut total = vec![0.0f64; n];
    for (v, &c) in community.iter().enumerate() {
        total[c as usize] += degree[v];
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    scratch.reset(n);
    let mut moved_any = false;
    loop {
        let mut moved = 0usize;
        for &v in &order {
            let v = v as usize;
            let own = community[v] as usize;
            let kv = degree[v];
            scratch.clear_touched();
            for (u, w) in level.adjacency.neighbours(v) {
                scratch.add(community[u as usize], w);
            }
            total[own] -= kv;
            // Gain of joining c (up to a common factor): link(v, c) − tot(c)·k_v / 2m.
            let link = &scratch.link;
            let gain = |c: usize| link[c] - total[c] * kv / two_m;
            let mut best = own;
            let mut best_gain = gain(own);
            for &c in &scratch.touched {
                let c = c as usize;
                let g = gain(c);
                // A move must gain more than rounding noise, or passes never settle.
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += kv;
            if best != own {
                community[v] = best as u32;
                moved += 1;
                moved_any = true;
            }
        }
        if moved == 0 {
            break;
        }
    }
    scratch.clear_touched();
    (community, moved_any)
}

/// Renumbers labels densely as 0..k in order of first appearance.
fn renumber(labels: &[u32]) -> (Vec<u32>, usize) {
    let mut map = vec![u32::MAX; labels.iter().map(|&l| l as usize + 1).max().unwrap_or(0)];
    let mut next = 0u32;
    let mut out = Vec::with_capacity(labels.len());
    for &l in labels {
        let slot = &mut map[l as usize];
        if *slot == u32::MAX {
            *slot = next;
            next += 1;
        }
        out.push(*slot);
    }
    (out, next as usize)
}

/// Phase two: one node per community; ties between communities summed, ties inside
/// a community become its self-loop. Built row by row without sorting.
fn aggregate(level: &Level, community: &[u32], count: usize, scratch: &mut MoveScratch) -> Level {
    let by_community: Vec<(u32, u32, ())> = community
        .iter()
        .enumerate()
        .map(|(v, &c)| (c, v as u32, ()))
        .collect();
    let members = Csr::by_row(count, &by_community);
    let mut self_loops = vec![0.0f64; count];
    let mut offsets = Vec::with_capacity(count + 1);
    offsets.push(0usize);
    let mut targets = Vec::new();
    let mut weights = Vec::new();
    scratch.reset(count);
    for (c, self_loop) in self_loops.iter_mut().enumerate() {
        for (v, ()) in members.neighbours(c) {
            let v = v as usize;
            *self_loop += level.self_loops[v];
            for (u, w) in level.adjacency.neighbours(v) {
                let cu = community[u as usize];
                if cu as usize == c {
                    // Seen from both ends: half each time.
                    *self_loop += w / 2.0;
                } else {
                    scratch.add(cu, w);
                }
            }
        }
        for &t in &scratch.touched {
            targets.push(t);
            weights.push(scratch.link[t as usize]);
        }
        scratch.clear_touched();
        offsets.push(targets.len());
    }
    Level {
        adjacency: Csr {
            offsets,
            targets,
            weights,
        },
        self_loops,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn pagerank_of_a_two_cycle_is_uniform() {
        let pr = pagerank(2, &[(0, 1, 1.0), (1, 0, 1.0)], 0.85, 1e-12);
        assert!(close(pr[0], 0.5) && close(pr[1], 0.5), "{pr:?}");
    }

    #[test]
    fn pagerank_of_a_star_by_hand() {
        // Leaves 1 and 2 point to the hub 0; the hub is dangling.
        // Let h, l be the hub and leaf scores: l = 0.15/3 + 0.85·h/3,
        // h = 0.15/3 + 0.85·h/3 + 0.85·2l; with h + 2l = 1.
        let pr = pagerank(3, &[(1, 0, 1.0), (2, 0, 1.0)], 0.85, 1e-13);
        let l = (0.05 + 0.85 / 3.0) / (1.0 + 2.0 * 0.85 / 3.0);
        let h = 1.0 - 2.0 * l;
        assert!(
            close(pr[0], h) && close(pr[1], l) && close(pr[2], l),
            "{pr:?} {h} {l}"
        );
        assert!(close(pr.iter().sum(), 1.0));
    }

    #[test]
    fn pagerank_keeps_the_largest_of_repeated_ties() {
        let once = pagerank(3, &[(0, 1, 0.8), (0, 2, 0.2), (1, 0, 1.0)], 0.85, 1e-13);
        let twice = pagerank(
            3,
            &[(0, 1, 0.4), (0, 1, 0.8), (0, 2, 0.2), (1, 0, 1.0)],
            0.85,
            1e-13,
        );
        for (a, b) in once.iter().zip(&twice) {
            assert!(close(*a, *b));
        }
    }

    #[test]
    fn betweenness_of_a_path_by_hand() {
        // 0 - 1 - 2: node 1 lies on the only path of the one pair (0, 2).
        let bc = betweenness(3, &[(0, 1, 12), (1, 2, 12)]);
        assert_eq!(bc, vec![0.0, 1.0, 0.0]);
    }

    #[test]
    fn betweenness_splits_equal_paths_and_prefers_short_ones() {
        // A square 0-1-2-3-0: pairs (0,2) and (1,3) each have two shortest paths.
        let square = betweenness(4, &[(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1)]);
        for v in square {
            assert!(close(v, 0.5 / 3.0));
        }
        // Make 0-3 long: 0 to 3 now goes 0-1-2-3 (length 3 < 10).
        let long = betweenness(4, &[(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 10)]);
        // Node 1 carries (0,2), (0,3); node 2 carries (1,3), (0,3): 2 of 3 pairs each.
        assert!(
            close(long[1], 2.0 / 3.0) && close(long[2], 2.0 / 3.0),
            "{long:?}"
        );
        assert!(close(long[0], 0.0) && close(long[3], 0.0));
    }

    #[test]
    fn betweenness_keeps_the_shortest_of_repeated_pairs() {
        let a = betweenness(3, &[(0, 1, 12), (1, 2, 12), (0, 2, 60), (2, 0, 20)]);
        let b = betweenness(3, &[(0, 1, 12), (1, 2, 12), (0, 2, 20)]);
        assert_eq!(a, b);
        // 0-2 direct (20) beats 0-1-2 (24): nobody is between.
        assert_eq!(a, vec![0.0, 0.0, 0.0]);
    }

    #[test]
    fn louvain_finds_two_cliques_joined_by_a_bridge() {
        let mut edges = Vec::new();
        for base in [0u32, 4] {
            for i in 0..4 {
                for j in i + 1..4 {
                    edges.push((base + i, base + j, 1.0));
                }
            }
        }
        edges.push((3, 4, 0.2));
        let labels = louvain(8, &edges, 42);
        assert!(labels[..4].iter().all(|&l| l == labels[0]));
        assert!(labels[4..].iter().all(|&l| l == labels[4]));
        assert_ne!(labels[0], labels[4]);
        assert_eq!(louvain(8, &edges, 42), labels, "deterministic for a seed");
        // Modularity by hand: 2m = 2·(12 + 0.2) = 24.4; each clique has L = 6 and
        // degree sum 12.2: Q = 2·(6/12.2 − (12.2/24.4)²).
        let q = modularity(8, &edges, &labels);
        assert!(close(q, 2.0 * (6.0 / 12.2 - 0.25)), "{q}");
    }

    #[test]
    fn modularity_of_one_community_is_zero_and_isolates_are_fine() {
        let edges = [(0, 1, 1.0), (1, 2, 1.0)];
        assert!(close(modularity(4, &edges, &[0, 0, 0, 0]), 0.0));
        assert_eq!(modularity(3, &[], &[0, 1, 2]), 0.0);
        assert_eq!(louvain(3, &[], 1), vec![0, 1, 2]);
    }
}
