#!/usr/bin/env python3
"""The NetworkX side of compare.sh, timed inside one Python process.

usage:
  nx_bench.py load FILE
      json.load the canonical JSON, then build a networkx.MultiDiGraph with
      one node per entity and one keyed edge per claim (its fields as edge
      attributes): the work "claimgraph check" does.
  nx_bench.py paths FILE FROM TO [CUTOFF [LIMIT [BUDGET_S]]]
      load as above, build a DiGraph (one edge per ordered pair, carrying
      its claim ids: claimgraph's hop lists every claim between a pair),
      then time networkx.all_simple_paths(G, FROM, TO, cutoff=CUTOFF):
      until LIMIT paths are found, and until all are found or BUDGET_S
      seconds have passed.

Prints one JSON object of seconds and counts.
"""
import json
import signal
import sys
import time

import networkx as nx


class OutOfTime(Exception):
    pass


def load(path):
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        data = json.load(f)
    return data, time.perf_counter() - t0


def multidigraph(data):
    g = nx.MultiDiGraph()
    for e in data["entities"]:
        g.add_node(e["id"], name=e["name"], type=e["type"])
    for c in data["claims"]:
        g.add_edge(c["from"], c["to"], key=c["id"], relation=c["relation"],
                   status=c["status"], contested=c.get("contested", False))
    return g


def digraph(data):
    g = nx.DiGraph()
    g.add_nodes_from(e["id"] for e in data["entities"])
    for c in data["claims"]:
        u, v = c["from"], c["to"]
        if g.has_edge(u, v):
            g[u][v]["claims"].append(c["id"])
        else:
            g.add_edge(u, v, claims=[c["id"]])
    return g


def main():
    mode, path = sys.argv[1], sys.argv[2]
    data, load_s = load(path)
    if mode == "load":
        t0 = time.perf_counter()
        g = multidigraph(data)
        build_s = time.perf_counter() - t0
        print(json.dumps({"json_load_s": load_s, "build_s": build_s,
                          "total_s": load_s + build_s,
                          "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))
        return
    src, dst = sys.argv[3], sys.argv[4]
    cutoff = int(sys.argv[5]) if len(sys.argv) > 5 else 6
    limit = int(sys.argv[6]) if len(sys.argv) > 6 else 20
    budget = float(sys.argv[7]) if len(sys.argv) > 7 else 60
    t0 = time.perf_counter()
    g = digraph(data)
    build_s = time.perf_counter() - t0
    del data

    def out_of_time(*_):
        raise OutOfTime()

    signal.signal(signal.SIGALRM, out_of_time)
    n, first_s, complete = 0, None, False
    t0 = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        for _ in nx.all_simple_paths(g, src, dst, cutoff=cutoff):
            n += 1
            if n == limit:
                first_s = time.perf_counter() - t0
        complete = True
    except OutOfTime:
        pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    all_s = time.perf_counter() - t0
    if first_s is None and complete:
        first_s = all_s  # fewer than LIMIT paths exist
    print(json.dumps({"json_load_s": load_s, "build_s": build_s, "first_s": first_s,
                      "all_s": all_s, "paths": n, "complete": complete,
                      "cutoff": cutoff, "limit": limit, "budget_s": budget}))


if __name__ == "__main__":
    main()
