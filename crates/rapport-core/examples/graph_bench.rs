//! Times one graph algorithm on an edge file, for `bench/compare.py`.
//!
//! ```text
//! cargo build --release -p rapport-core --example graph_bench
//! target/release/examples/graph_bench <pagerank|betweenness|louvain> EDGEFILE [--repeat N] [--out FILE]
//! ```
//!
//! EDGEFILE: the first line is `n`, then one directed influence tie per line,
//! `from to strength` (whitespace-separated, strength 1..5). Inputs are built exactly
//! as in `tests/networkx.rs`: PageRank on the reversed ties with w = s/5 (damping 0.85,
//! tolerance 1e-10), betweenness with integer lengths 60/s, Louvain with w = s/5 and
//! seed 42. Parsing and input building are not timed; each of the N repeats is.
//!
//! Prints one JSON line: `{"algorithm", "n", "m", "best_ms", "median_ms", "repeats"}`
//! (Louvain adds `communities` and `modularity`). `--out FILE` also writes the result
//! of the last run as JSON: `{"values": [...]}` (scores, or community labels).

use std::fs;
use std::process::ExitCode;
use std::time::Instant;

use rapport_core::analysis::graph::{betweenness, louvain, modularity, pagerank};

const USAGE: &str =
    "usage: graph_bench <pagerank|betweenness|louvain> EDGEFILE [--repeat N] [--out FILE]";

struct Args {
    algorithm: String,
    path: String,
    repeat: usize,
    out: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let algorithm = args.next().ok_or(USAGE)?;
    let path = args.next().ok_or(USAGE)?;
    let mut repeat = 5;
    let mut out = None;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--repeat" => {
                repeat = args
                    .next()
                    .and_then(|r| r.parse().ok())
                    .filter(|&r| r > 0)
                    .ok_or("--repeat needs a positive number")?;
            }
            "--out" => out = Some(args.next().ok_or("--out needs a file")?),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(Args {
        algorithm,
        path,
        repeat,
        out,
    })
}

/// Directed influence ties `(from, to, strength)`.
type Ties = Vec<(u32, u32, u32)>;

/// `n` and the ties of an edge file.
fn read_edges(path: &str) -> Result<(usize, Ties), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let n: usize = lines
        .next()
        .and_then(|l| l.trim().parse().ok())
        .ok_or("the first line must be the node count")?;
    let mut ties = Vec::new();
    for (i, line) in lines.enumerate() {
        let fields: Vec<u32> = line
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map_err(|e| format!("line {}: {e}", i + 2))?;
        match fields[..] {
            [a, b, s] if (a as usize) < n && (b as usize) < n && (1..=5).contains(&s) => {
                ties.push((a, b, s));
            }
            _ => return Err(format!("line {}: expected `from to strength`", i + 2)),
        }
    }
    Ok((n, ties))
}

fn time<T>(repeat: usize, mut run: impl FnMut() -> T) -> (Vec<f64>, T) {
    let mut times = Vec::with_capacity(repeat);
    let mut last = None;
    for _ in 0..repeat {
        let start = Instant::now();
        let result = std::hint::black_box(run());
        times.push(start.elapsed().as_secs_f64() * 1e3);
        last = Some(result);
    }
    times.sort_by(f64::total_cmp);
    (times, last.expect("at least one repeat"))
}

fn json_numbers<T: ToString>(values: &[T]) -> String {
    let items: Vec<String> = values.iter().map(ToString::to_string).collect();
    format!("{{\"values\": [{}]}}\n", items.join(", "))
}

fn run(args: &Args) -> Result<(), String> {
    let (n, ties) = read_edges(&args.path)?;
    let m = ties.len();
    let (times, values, extra) = match args.algorithm.as_str() {
        "pagerank" => {
            let edges: Vec<(u32, u32, f64)> = ties
                .iter()
                .map(|&(from, to, s)| (to, from, f64::from(s) / 5.0))
                .collect();
            let (times, scores) = time(args.repeat, || pagerank(n, &edges, 0.85, 1e-10));
            (times, json_numbers(&scores), String::new())
        }
        "betweenness" => {
            let edges: Vec<(u32, u32, u32)> =
                ties.iter().map(|&(a, b, s)| (a, b, 60 / s)).collect();
            let (times, scores) = time(args.repeat, || betweenness(n, &edges));
            (times, json_numbers(&scores), String::new())
        }
        "louvain" => {
            let edges: Vec<(u32, u32, f64)> = ties
                .iter()
                .map(|&(a, b, s)| (a, b, f64::from(s) / 5.0))
                .collect();
            let (times, labels) = time(args.repeat, || louvain(n, &edges, 42));
            let q = modularity(n, &edges, &labels);
            let k = labels.iter().max().map_or(0, |&l| l + 1);
            let extra = format!(", \"communities\": {k}, \"modularity\": {q}");
            (times, json_numbers(&labels), extra)
        }
        other => return Err(format!("unknown algorithm {other}\n{USAGE}")),
    };
    if let Some(out) = &args.out {
        fs::write(out, values).map_err(|e| format!("cannot write {out}: {e}"))?;
    }
    let median = if times.len() % 2 == 1 {
        times[times.len() / 2]
    } else {
        (times[times.len() / 2 - 1] + times[times.len() / 2]) / 2.0
    };
    println!(
        "{{\"algorithm\": \"{}\", \"n\": {n}, \"m\": {m}, \"best_ms\": {:.4}, \"median_ms\": {median:.4}, \"repeats\": {}{extra}}}",
        args.algorithm,
        times[0],
        times.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|args| run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("graph_bench: {message}");
            ExitCode::FAILURE
        }
    }
}
