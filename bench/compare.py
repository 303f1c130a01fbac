#!/usr/bin/env python3
"""Rapport's graph algorithms against python-igraph and NetworkX: speed and agreement.

Run from anywhere (python3 >= 3.10 with the venv module; see bench/README.md):

    python3 bench/compare.py            # or bench/compare.sh
    python3 bench/compare.py --quick    # fewer repeats, NetworkX budget 20 s

The script creates ``target/pyenv`` if needed and installs the pinned packages below,
builds ``cargo build --release -p rapport-core --example graph_bench``, writes seeded
random influence graphs to ``target/bench/*.edges`` (first line n, then ``from to
strength``), times each library on the same ties, checks that the results agree, and
prints a markdown table (also saved to ``target/bench/results.md`` and ``results.json``).

Inputs are built as the domain primer defines them (and as ``graph_bench`` builds them):
PageRank on the reversed ties, w = s/5, repeated pairs keeping the largest weight,
damping 0.85, converged to an L1 change of 1e-10; betweenness on the undirected graph
with integer lengths 60/s (a pair keeps its shortest length), normalised by
(n-1)(n-2)/2; Louvain on the undirected graph with w = max(s)/5.

Only the algorithm call is timed: igraph's and NetworkX's graph objects are built
beforehand, while Rapport's timing includes building its adjacency arrays from the raw
tie list (the way the app calls it). igraph runs on one thread; Rapport uses rayon
(PageRank fans out from 50,000 ties; betweenness over sources); the "Rapport 1 thread"
column repeats the run with RAYON_NUM_THREADS=1.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

PINS = ["igraph==1.0.0", "networkx==3.6.1", "numpy==2.4.6", "scipy==1.17.1"]
ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "target" / "pyenv"
OUT = ROOT / "target" / "bench"
BINARY = ROOT / "target" / "release" / "examples" / "graph_bench"
LENGTH = {1: 60, 2: 30, 3: 20, 4: 15, 5: 12}
DAMPING = 0.85
L1_TOLERANCE = 1e-10
SEED = 42

# (algorithm, n, m, seed of the graph)
CASES = [
    ("pagerank", 10_000, 100_000, 1),
    ("betweenness", 2_000, 20_000, 2),
    ("louvain", 2_000, 20_000, 3),
    ("louvain", 10_000, 100_000, 4),
]
TARGETS = {"pagerank": 0.5, "betweenness": 1.0}


def ensure_environment() -> None:
    try:
        import igraph
        import networkx
        import numpy
        import scipy

        have = {
            "igraph": igraph.__version__,
            "networkx": networkx.__version__,
            "numpy": numpy.__version__,
            "scipy": scipy.__version__,
        }
        if all(have[p.split("==")[0]] == p.split("==")[1] for p in PINS):
            return
    except ImportError:
        pass
    if os.environ.get("RAPPORT_BENCH_REEXEC"):
        sys.exit("compare.py: the pinned packages are still missing inside " + str(VENV))
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PINS],
        check=True,
    )
    env = dict(os.environ, RAPPORT_BENCH_REEXEC="1")
    os.execve(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]], env)


# --------------------------------------------------------------------------- graphs


def influence_ties(n: int, m: int, seed: int) -> list[tuple[int, int, int]]:
    """m distinct directed ties (from, to, strength 1..5) among n people, no self-ties."""
    rng = random.Random(seed)
    seen = set()
    ties = []
    while len(ties) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            ties.append((a, b, rng.randint(1, 5)))
    return ties


def write_edges(path: Path, n: int, ties) -> None:
    path.write_text(f"{n}\n" + "".join(f"{a} {b} {s}\n" for a, b, s in ties))


def reversed_weights(ties) -> dict[tuple[int, int], float]:
    """PageRank input: tie A->B becomes B->A, w = s/5, max per directed pair."""
    w: dict[tuple[int, int], float] = {}
    for a, b, s in ties:
        w[(b, a)] = max(w.get((b, a), 0.0), s / 5)
    return w


def undirected_strengths(ties) -> dict[tuple[int, int], int]:
    """Largest strength per unordered pair (= shortest length, largest weight)."""
    st: dict[tuple[int, int], int] = {}
    for a, b, s in ties:
        key = (a, b) if a < b else (b, a)
        st[key] = max(st.get(key, 0), s)
    return st


# --------------------------------------------------------------------------- timing


def summarize(times_ms: list[float]) -> dict:
    return {"best_ms": min(times_ms), "median_ms": statistics.median(times_ms), "runs": len(times_ms)}


def time_calls(run, repeat: int, budget_s: float | None = None):
    """Times `run()` up to `repeat` times; stops repeating once the total passes budget_s."""
    times, result, spent = [], None, 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        elapsed = time.perf_counter() - start
        times.append(elapsed * 1e3)
        spent += elapsed
        if budget_s is not None and spent > budget_s:
            break
    return summarize(times), result


def rapport(algorithm: str, edge_file: Path, repeat: int, threads: int | None = None):
    out = edge_file.with_suffix(f".{algorithm}.rapport.json")
    env = dict(os.environ)
    if threads is not None:
        env["RAYON_NUM_THREADS"] = str(threads)
    proc = subprocess.run(
        [str(BINARY), algorithm, str(edge_file), "--repeat", str(repeat), "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    report = json.loads(proc.stdout)
    values = json.loads(out.read_text())["values"]
    return report, values


def igraph_run(algorithm: str, n: int, ties, repeat: int):
    import igraph as ig

    random.seed(SEED)  # python-igraph draws from Python's `random` module
    if algorithm == "pagerank":
        w = reversed_weights(ties)
        g = ig.Graph(n=n, edges=list(w), directed=True)
        weights = list(w.values())
        return time_calls(
            lambda: g.pagerank(
                directed=True, damping=DAMPING, weights=weights, implementation="prpack"
            ),
            repeat,
        )
    st = undirected_strengths(ties)
    g = ig.Graph(n=n, edges=list(st), directed=False)
    if algorithm == "betweenness":
        lengths = [LENGTH[s] for s in st.values()]
        scale = (n - 1) * (n - 2) / 2
        timing, raw = time_calls(lambda: g.betweenness(directed=False, weights=lengths), repeat)
        return timing, [b / scale for b in raw]
    weights = [s / 5 for s in st.values()]
    timing, clustering = time_calls(lambda: g.community_multilevel(weights=weights), repeat)
    return timing, list(clustering.membership)


def networkx_graph(algorithm: str, n: int, ties):
    import networkx as nx

    if algorithm == "pagerank":
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from((a, b, w) for (a, b), w in reversed_weights(ties).items())
        return g
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for (a, b), s in undirected_strengths(ties).items():
        g.add_edge(a, b, weight=s / 5, length=LENGTH[s])
    return g


def networkx_call(algorithm: str, g):
    import networkx as nx

    n = g.number_of_nodes()
    if algorithm == "pagerank":
        # NetworkX stops when the L1 change < N * tol: ask for the same 1e-10 as Rapport.
        pr = nx.pagerank(g, alpha=DAMPING, weight="weight", tol=L1_TOLERANCE / n, max_iter=10_000)
        return [pr[v] for v in range(n)]
    if algorithm == "betweenness":
        bc = nx.betweenness_centrality(g, weight="length", normalized=True)
        return [bc[v] for v in range(n)]
    communities = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    labels = [0] * n
    for label, members in enumerate(communities):
        for v in members:
            labels[v] = label
    return labels


def _networkx_child(algorithm, n, ties, repeat, budget_s, queue):
    g = networkx_graph(algorithm, n, ties)
    queue.put(time_calls(lambda: networkx_call(algorithm, g), repeat, budget_s))


def networkx_run(algorithm: str, n: int, ties, repeat: int, limit_s: float):
    """Runs NetworkX in a child process; gives up (returns None) after limit_s seconds."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_networkx_child, args=(algorithm, n, ties, repeat, limit_s / 2, queue))
    child.start()
    # Building the graph takes a moment too; allow it on top of the limit.
    deadline = time.monotonic() + limit_s + 30
    result = None
    while time.monotonic() < deadline:
        try:
            result = queue.get(timeout=0.5)
            break
        except Exception:  # queue.Empty: still running
            if not child.is_alive():
                break
    if result is None:
        child.terminate()
    child.join()
    if result is not None and result[0]["best_ms"] > limit_s * 1e3:
        return None
    return result


# --------------------------------------------------------------------------- checks


def modularity(n: int, ties, labels) -> float:
    import igraph as ig

    st = undirected_strengths(ties)
    g = ig.Graph(n=n, edges=list(st), directed=False)
    return g.modularity(labels, weights=[s / 5 for s in st.values()])


def max_diff(a, b) -> float:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


NX_LIMIT = [60.0]


def fmt_ms(t: dict | None) -> str:
    if t is None:
        return f"skipped (> {NX_LIMIT[0]:.0f} s)"
    return f"{t['best_ms']:.1f} / {t['median_ms']:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--repeat", type=int, default=None, help="repeats per library")
    parser.add_argument("--nx-limit", type=float, default=None, help="seconds before NetworkX is skipped (60)")
    parser.add_argument("--no-build", action="store_true", help="use the graph_bench binary as built")
    args = parser.parse_args()
    ensure_environment()
    import igraph
    import networkx

    repeat = args.repeat or (3 if args.quick else 7)
    nx_limit = args.nx_limit or (20.0 if args.quick else 60.0)
    NX_LIMIT[0] = nx_limit
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "-p", "rapport-core", "--example", "graph_bench"],
            check=True,
            cwd=ROOT,
        )

    rows, results = [], []
    for algorithm, n, m, seed in CASES:
        ties = influence_ties(n, m, seed)
        edge_file = OUT / f"{algorithm}-{n}-{m}.edges"
        write_edges(edge_file, n, ties)
        size = f"{n // 1000}k / {m // 1000}k"
        print(f"== {algorithm} {size}", file=sys.stderr, flush=True)

        r_report, r_values = rapport(algorithm, edge_file, repeat)
        r1_report, _ = rapport(algorithm, edge_file, max(3, repeat // 2), threads=1)
        print(f"   rapport  {r_report['best_ms']:.1f} ms (1 thread {r1_report['best_ms']:.1f})", file=sys.stderr, flush=True)
        ig_time, ig_values = igraph_run(algorithm, n, ties, repeat)
        print(f"   igraph   {ig_time['best_ms']:.1f} ms", file=sys.stderr, flush=True)
        nx_result = networkx_run(algorithm, n, ties, min(repeat, 3), nx_limit)
        nx_time, nx_values = nx_result if nx_result is not None else (None, None)
        print(f"   networkx {fmt_ms(nx_time)} ms", file=sys.stderr, flush=True)

        r_time = {"best_ms": r_report["best_ms"], "median_ms": r_report["median_ms"]}
        ratio = r_time["best_ms"] / ig_time["best_ms"]
        target = TARGETS.get(algorithm)
        if target is None:
            target_text = "—"
        else:
            target_text = f"≤ {target}× {'✅' if ratio <= target else '❌'}"

        entry = {
            "algorithm": algorithm,
            "n": n,
            "m": m,
            "rapport": r_time,
            "rapport_1_thread": {"best_ms": r1_report["best_ms"], "median_ms": r1_report["median_ms"]},
            "igraph": ig_time,
            "networkx": nx_time,
            "ratio_rapport_igraph": ratio,
        }
        if algorithm == "louvain":
            q = {
                "rapport": modularity(n, ties, r_values),
                "igraph": modularity(n, ties, ig_values),
            }
            if nx_values is not None:
                q["networkx"] = modularity(n, ties, nx_values)
            entry["modularity"] = q
            entry["communities"] = {
                "rapport": max(r_values) + 1,
                "igraph": max(ig_values) + 1,
                **({"networkx": max(nx_values) + 1} if nx_values is not None else {}),
            }
            agreement = "Q " + " / ".join(f"{k} {v:.4f}" for k, v in q.items())
        else:
            diffs = {"igraph": max_diff(r_values, ig_values)}
            if nx_values is not None:
                diffs["networkx"] = max_diff(r_values, nx_values)
            entry["max_abs_diff"] = diffs
            agreement = " / ".join(f"{k} {v:.1e}" for k, v in diffs.items())
        results.append(entry)
        rows.append(
            f"| {algorithm} | {size} | {fmt_ms(r_time)} | {r1_report['best_ms']:.1f} | {fmt_ms(ig_time)} "
            f"| {fmt_ms(nx_time)} | {ratio:.2f}× | {target_text} | {agreement} |"
        )

    header = [
        f"igraph {igraph.__version__}, NetworkX {networkx.__version__}, {os.cpu_count()} CPU(s); "
        f"times in ms as best / median of up to {repeat} runs (NetworkX up to 3, within {nx_limit:.0f} s).",
        "",
        "| algorithm | graph (people / ties) | Rapport ms | Rapport 1 thread ms (best) | igraph ms "
        "| NetworkX ms | Rapport / igraph (best) | target | agreement (max abs diff vs Rapport; Louvain: modularity) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    table = "\n".join(header + rows)
    print(table)
    (OUT / "results.md").write_text(table + "\n")
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
