#!/usr/bin/env python3
"""Pick the entities compare.sh queries in a canonical JSON dataset.

usage: pick.py FILE

Streams the file line by line (a million claims do not fit json.load's
memory budget on a small machine twice over) and reads the claims' "from"
and "to" lines, which sit at a fixed indent in the canonical form. Prints
"FROM TO FOCUS MAXDEG MEANDEG":
  FROM, TO  a pair for "paths": FROM of median degree, TO at directed
            distance 3 from it (less when nothing is that far), of the
            lowest degree at that distance: a typical query, not hub to hub;
  FOCUS     the entity whose depth-2 neighbourhood is smallest (by the sum
            of its neighbours' degrees), so that "render --focus FOCUS
            --depth 2" has a chance to stay within the renderer's limits;
  MAXDEG, MEANDEG  degree figures, to show the heavy tail.
Ties break by id, so the choice is deterministic.
"""
import collections
import re
import sys

FROM = re.compile(r'^      "from": "(.*)",$')
TO = re.compile(r'^      "to": "(.*)",$')


def main():
    index, ids = {}, []
    out, deg, nbrs = [], [], []

    def node(name):
        i = index.get(name)
        if i is None:
            i = index[name] = len(ids)
            ids.append(name)
            out.append([])
            deg.append(0)
            nbrs.append(set())
        return i

    src = None
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if src is None:
                m = FROM.match(line)
                if m:
                    src = node(m.group(1))
                continue
            m = TO.match(line)
            if m:
                dst = node(m.group(1))
                out[src].append(dst)
                deg[src] += 1
                deg[dst] += 1
                nbrs[src].add(dst)
                nbrs[dst].add(src)
                src = None
    if not ids:
        sys.exit("pick.py: no claims in " + sys.argv[1])
    order = sorted(range(len(ids)), key=lambda i: (deg[i], ids[i]))
    starts = [i for i in order if out[i]]
    a = starts[len(starts) // 2]
    dist = {a: 0}
    q = collections.deque([a])
    while q:
        u = q.popleft()
        if dist[u] == 3:
            continue
        for v in out[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                q.append(v)
    far = max(dist.values())
    b = min((v for v, d in dist.items() if d == far), key=lambda v: (deg[v], ids[v])) if far else a
    focus = min(range(len(ids)), key=lambda i: (sum(deg[n] for n in nbrs[i]), ids[i]))
    print(ids[a], ids[b], ids[focus], max(deg), round(sum(deg) / len(ids), 1))


if __name__ == "__main__":
    main()
