#!/usr/bin/python3
"""Compare claimgraph's path search with NetworkX's all_simple_paths.

Usage: .ci/bench/paths_networkx.py DATASET.json [--cutoff 6] [--timeout 30]
                                    [--pair FROM TO ...] [--no-go]
       .ci/bench/paths_networkx.py DATASET.json FROM TO [--cutoff 6] [--timeout 30]

The second form (what .ci/bench/compare.sh calls) times NetworkX alone for
one pair and prints one JSON object: load_s (json.load + MultiDiGraph),
search_s (enumerating every path, or the time spent when stopped), first_s
(to the first 20), paths (how many it saw) and complete.

DATASET is a claimgraph dataset in JSON (the shape `claimgraph export`
writes; `claimgraph synth --entities 100000 --claims 1000000 --seed 1 -o FILE`
makes the benchmark's). Both sides load it first, and loading
is timed apart from the search:

  NetworkX   json.load, then a MultiDiGraph with one edge per claim; for each
             pair, all_simple_paths(G, FROM, TO, cutoff) enumerated to the
             end (it has no ranking: to know the best 20 one must see them
             all), stopped after --timeout seconds; also the time to its
             first 20 paths in its own (unranked) order.
  claimgraph BenchmarkPaths over the same file (go test -bench, -paths.data),
             top 20 ranked paths of at most --cutoff hops, directed; the best
             of three runs of ten searches.

Without --pair, the pairs are the benchmark's: two hubs, a hub and a leaf,
a leaf and a hub, two leaves, chosen from the degrees exactly as
graph/paths_bench_test.go chooses them. Needs Debian's python3-networkx
(apt-get install -y python3-networkx) and Go.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time

import networkx as nx


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def bench_pairs(ds):
    """The pairs BenchmarkPaths uses (see benchPairs there)."""
    out, inn = {}, {}
    for c in ds["claims"]:
        out[c["from"]] = out.get(c["from"], 0) + 1
        inn[c["to"]] = inn.get(c["to"], 0) + 1
    hubs, leaves = [], []
    for e in sorted(x["id"] for x in ds["entities"]):
        o, i = out.get(e, 0), inn.get(e, 0)
        if o + i > 2000:
            hubs.append(e)
        elif o >= 2 and i >= 2 and o + i <= 6:
            leaves.append(e)
    pairs = {}
    if len(hubs) >= 2:
        pairs["hub-hub"] = (hubs[0], hubs[1])
    if hubs and leaves:
        pairs["hub-leaf"] = (hubs[0], leaves[len(leaves) // 2])
        pairs["leaf-hub"] = (leaves[len(leaves) // 3], hubs[0])
    if len(leaves) >= 2:
        pairs["leaf-leaf"] = (leaves[0], leaves[-1])
    return pairs


def time_networkx(G, src, dst, cutoff, timeout):
    """Seconds to enumerate every simple path (None on timeout), the count
    seen, and seconds to the first 20."""
    signal.signal(signal.SIGALRM, on_alarm)
    start = time.perf_counter()
    first20 = None
    n = 0
    signal.alarm(timeout)
    try:
        for _ in nx.all_simple_paths(G, src, dst, cutoff=cutoff):
            n += 1
            if n == 20:
                first20 = time.perf_counter() - start
        total = time.perf_counter() - start
    except Timeout:
        total = None
    finally:
        signal.alarm(0)
    return total, n, first20


def time_go(dataset, repo, cutoff):
    """Best ns/op of BenchmarkPaths/<pair>/directed over the dataset."""
    cmd = ["go", "test", "./graph", "-run", "^$", "-bench", "Paths/.*/directed$",
           "-benchtime", "10x", "-count", "3", "-paths.data", os.path.abspath(dataset),
           "-paths.hops", str(cutoff)]
    res = subprocess.run(cmd, cwd=repo, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit("go benchmark failed:\n" + res.stdout + res.stderr)
    best = {}
    for line in res.stdout.splitlines():
        m = re.match(r"BenchmarkPaths/([\w-]+)/directed-\d+\s+\d+\s+(\d+) ns/op", line)
        if m:
            ns = int(m.group(2))
            best[m.group(1)] = min(ns, best.get(m.group(1), ns))
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset")
    ap.add_argument("endpoints", nargs="*", metavar="FROM TO")
    ap.add_argument("--cutoff", type=int, default=6)
    ap.add_argument("--timeout", type=int, default=int(os.environ.get("NXBUDGET", 30)),
                    help="seconds per NetworkX enumeration (default $NXBUDGET or 30)")
    ap.add_argument("--pair", nargs=2, action="append", metavar=("FROM", "TO"))
    ap.add_argument("--no-go", action="store_true", help="time NetworkX only")
    args = ap.parse_args()
    if len(args.endpoints) not in (0, 2):
        ap.error("give both FROM and TO, or neither")
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

    t0 = time.perf_counter()
    with open(args.dataset) as f:
        ds = json.load(f)
    t1 = time.perf_counter()
    G = nx.MultiDiGraph()
    G.add_nodes_from(e["id"] for e in ds["entities"])
    G.add_edges_from((c["from"], c["to"], c["id"]) for c in ds["claims"])
    t2 = time.perf_counter()
    if args.endpoints:
        a, b = args.endpoints
        start = time.perf_counter()
        total, n, first20 = time_networkx(G, a, b, args.cutoff, args.timeout)
        spent = time.perf_counter() - start
        print(json.dumps({"load_s": t2 - t0, "search_s": total if total is not None else spent,
                          "first_s": first20, "paths": n, "complete": total is not None}))
        return
    print(f"networkx {nx.__version__}: json.load {t1 - t0:.2f} s, MultiDiGraph {t2 - t1:.2f} s "
          f"({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")

    pairs = {f"{a}-{b}": (a, b) for a, b in args.pair} if args.pair else bench_pairs(ds)
    go = {} if args.no_go or args.pair else time_go(args.dataset, repo, args.cutoff)

    print(f"{'pair':10} {'from':8} {'to':8} {'nx all paths':>14} {'paths seen':>11} {'nx first 20':>12} "
          f"{'claimgraph top 20':>18} {'ratio (all)':>12} {'ratio (first 20)':>17}")
    for name, (a, b) in pairs.items():
        total, n, first20 = time_networkx(G, a, b, args.cutoff, args.timeout)
        tot_s = f"{total:.2f} s" if total is not None else f"> {args.timeout} s"
        f20_s = f"{first20 * 1000:.1f} ms" if first20 is not None else "-"
        ours = go.get(name)
        ours_s = f"{ours / 1e6:.2f} ms" if ours else "-"
        ratio = ratio20 = "-"
        if ours:
            ratio = ("≥ " if total is None else "") + f"{(total if total is not None else args.timeout) * 1e9 / ours:.0f}×"
            if first20 is not None:
                ratio20 = f"{first20 * 1e9 / ours:.1f}×"
        print(f"{name:10} {a:8} {b:8} {tot_s:>14} {n:>11} {f20_s:>12} {ours_s:>18} {ratio:>12} {ratio20:>17}", flush=True)


if __name__ == "__main__":
    main()
