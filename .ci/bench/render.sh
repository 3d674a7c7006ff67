#!/bin/sh
# Whole-process timings of claimgraph render and a non-render command
# against native Graphviz on the same DOT.
#
# Needs hyperfine and graphviz (for the comparison only):
#   apt-get install -y hyperfine graphviz
# Run from the repository root: .ci/bench/render.sh
set -eu

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache" # a cache of our own, cold at first

go build -o "$work/claimgraph" ./cmd/claimgraph
cg="$work/claimgraph"
"$cg" render --format dot >"$work/briefing.dot"

echo "== warm cache: render (whole process) vs native dot -Tsvg on the same DOT"
"$cg" render >/dev/null # fills the compilation cache
hyperfine -N -w 3 -r 20 --export-json "$work/render.json" \
	"$cg render -o $work/a.svg" \
	"dot -Tsvg $work/briefing.dot -o $work/b.svg"

echo "== non-render command (check), warm and cold cache"
hyperfine -N -w 3 -r 20 "$cg check"
hyperfine -N -r 5 --prepare "rm -rf $XDG_CACHE_HOME" "$cg check"

echo "== render, cold cache"
hyperfine -N -r 5 --prepare "rm -rf $XDG_CACHE_HOME" "$cg render -o $work/a.svg"

# The ratio the render issue asks for: claimgraph render / native dot.
python3 - "$work/render.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
cg, dot = r[0]["mean"], r[1]["mean"]
print(f"render {cg*1000:.1f} ms, dot -Tsvg {dot*1000:.1f} ms, ratio {cg/dot:.2f} (goal: <= 2)")
PY
