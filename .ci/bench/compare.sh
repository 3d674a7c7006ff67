#!/usr/bin/env bash
# compare.sh: claimgraph against the tools a user would otherwise reach for
# (Graphviz's dot, Python's json + NetworkX), measured side by side in one
# run on this machine, and the issue-7 targets. Prints a Markdown report on
# standard output; progress goes to standard error.
#
#   .ci/bench/compare.sh                 # 100,000 entities, 1,000,000 claims
#   SIZE=quick .ci/bench/compare.sh      # 1,000 / 10,000: about a minute
#
# The full size takes about ten minutes on two cores and needs ~6 GB of RAM
# free (Python's json.load and NetworkX hold the whole file several times).
#   SIZE=20000:200000 .ci/bench/compare.sh
#
# Environment: SIZE (quick, full or ENTITIES:CLAIMS), RUNS (runs per
# claimgraph measurement, median reported), NXRUNS (runs of the Python
# side), NXBUDGET (seconds NetworkX may spend enumerating paths), TIMEOUT
# (seconds per single command), BUDGET_S (seconds of runs after which a
# measurement stops early, with at least three runs), KEEP=1 keeps the work
# directory.
#
# On a fresh Debian machine it installs what is missing with apt-get
# (graphviz, python3-networkx, hyperfine); it needs Go to build claimgraph.
# Commands claimgraph does not have yet are reported as n/a. Every command
# runs under a timeout, so the script ends even when something is slow.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

SIZE=${SIZE:-full}
case $SIZE in
quick) ENT=1000 CLM=10000 ;;
full) ENT=100000 CLM=1000000 ;;
*:*) ENT=${SIZE%%:*} CLM=${SIZE##*:} ;;
*)
	echo "compare.sh: SIZE must be quick, full or ENTITIES:CLAIMS, not $SIZE" >&2
	exit 2
	;;
esac
if ((CLM >= 300000)); then
	RUNS=${RUNS:-3} NXRUNS=${NXRUNS:-1} NXBUDGET=${NXBUDGET:-60} TIMEOUT=${TIMEOUT:-300}
	export BUDGET_S=${BUDGET_S:-60}
else
	RUNS=${RUNS:-3} NXRUNS=${NXRUNS:-2} NXBUDGET=${NXBUDGET:-2} TIMEOUT=${TIMEOUT:-60}
	export BUDGET_S=${BUDGET_S:-4}
fi
# The canonical JSON of a million claims is ~650 MB, over the loader's
# default input cap: raise it for the big files.
MAXBYTES=17179869184

say() { echo "compare.sh: $*" >&2; }

# --- tools -----------------------------------------------------------------

PY=python3
pyhas() { "$1" -c 'import networkx' 2>/dev/null; }
install_tools() {
	local need=()
	command -v dot >/dev/null || need+=(graphviz)
	command -v hyperfine >/dev/null || need+=(hyperfine)
	if ! pyhas python3 && ! pyhas /usr/bin/python3; then
		need+=(python3 python3-networkx)
	fi
	if ((${#need[@]})); then
		local sudo=()
		[ "$(id -u)" = 0 ] || sudo=(sudo)
		say "installing ${need[*]}"
		"${sudo[@]}" apt-get update -qq >&2 &&
			DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2 ||
			say "warning: apt-get failed; what is missing will show as n/a"
	fi
	pyhas python3 || { pyhas /usr/bin/python3 && PY=/usr/bin/python3; }
}
install_tools
command -v go >/dev/null || {
	say "go is needed to build claimgraph"
	exit 1
}
HAVE_DOT=0 HAVE_NX=0 HAVE_HF=0
command -v dot >/dev/null && HAVE_DOT=1
pyhas "$PY" && HAVE_NX=1
command -v hyperfine >/dev/null && HAVE_HF=1

work=$(mktemp -d "${TMPDIR:-/tmp}/claimgraph-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then say "work directory: $work"; else trap 'rm -rf "$work"' EXIT; fi

say "building claimgraph"
(cd "$root" && go build -o "$work/claimgraph" ./cmd/claimgraph) || exit 1
CG=$work/claimgraph

# --- helpers ---------------------------------------------------------------

# json FIELD: read one field of the JSON object on standard input.
json() { "$PY" -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }

# measure RUNS OK_CODES CMD...: JSON from measure.py (median wall, peak RSS).
measure() {
	local runs=$1 ok=$2
	shift 2
	"$PY" "$here/measure.py" "$runs" "$TIMEOUT" "$ok" -- "$@"
}

# hf_median OK_CODES CMD...: hyperfine's median in seconds, or empty.
hf_median() {
	local ok=$1 f=$work/hf.json args=()
	shift
	[ "$ok" = 0 ] || args+=(-i)
	((HAVE_HF)) || return 0
	hyperfine -N --style none --warmup 3 --runs 20 "${args[@]}" --export-json "$f" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 &&
		"$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$f"
}

# fmt_s SECONDS: "12.3 ms" or "1.23 s"; "n/a" when empty.
fmt_s() { "$PY" -c 'import sys
v=sys.argv[1]
try: x=float(v)
except ValueError: print(v or "n/a"); sys.exit()
print("%.1f ms" % (x*1e3) if x < 1 else "%.2f s" % x)' "${1:-}"; }

fmt_mb() { [ -n "${1:-}" ] && printf '%.0f MB' "$1" || echo n/a; }

# ratio A B: "B/A×" (how many times slower the reference is).
ratio() { "$PY" -c 'import sys
try: a,b=float(sys.argv[1]),float(sys.argv[2])
except ValueError: print("n/a"); sys.exit()
print("%.1f×" % (b/a) if a > 0 else "n/a")' "${1:-}" "${2:-}"; }

# result JSON: median seconds, or a word for what went wrong.
median_or_why() {
	local st
	st=$(json status <<<"$1")
	if [ "$st" = ok ]; then json median_s <<<"$1"; else echo "$st"; fi
}

# has CMD: claimgraph has that command, not the stub.
has() {
	local h
	h=$("$CG" "$1" --help 2>&1) || return 1
	! grep -q 'not yet implemented' <<<"$h"
}

# med: median of the numbers on standard input, one a line.
med() { "$PY" -c 'import sys,statistics; v=[float(x) for x in sys.stdin.read().split()]; print(statistics.median(v) if v else "")'; }

# --- data ------------------------------------------------------------------

say "generating $ENT entities / $CLM claims"
gen=$(measure 0 0 "$CG" synth --entities "$ENT" --claims "$CLM" --seed 1 -o "$work/big.json")
[ -s "$work/big.json" ] || { say "synth failed: $gen"; exit 1; }
"$CG" synth --entities 200 --claims 300 --seed 3 -o "$work/small.json" || exit 1
"$CG" export --format json -o "$work/emb.json" || exit 1
"$CG" synth --mutate 0.1 --seed 4 --from "$work/emb.json" -o "$work/emb-new.json" || exit 1
big_mb=$(du -m "$work/big.json" | cut -f1)
say "mutating 1% of it for diff"
mut=$(measure 0 0 "$CG" --max-bytes "$MAXBYTES" synth --mutate 0.01 --seed 2 --from "$work/big.json" -o "$work/big-new.json")
say "picking query entities"
read -r PA PB FOCUS MAXDEG MEANDEG < <("$PY" "$here/pick.py" "$work/big.json") || true
[ -n "${MEANDEG:-}" ] || {
	say "pick.py found no claims to query"
	exit 1
}

CGB=("$CG" --max-bytes "$MAXBYTES")

# --- report header ---------------------------------------------------------

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo 2>/dev/null)
echo "## claimgraph performance, $(date -u +%Y-%m-%d)"
echo
echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, ${mem:-? GB} RAM, $(uname -sr)."
echo "claimgraph $(cd "$root" && git describe --always --dirty 2>/dev/null || echo '?'), $(go version | cut -d' ' -f3);" \
	"$( ((HAVE_DOT)) && dot -V 2>&1 | head -1 || echo 'dot: not installed')," \
	"$( ((HAVE_NX)) && "$PY" -c 'import sys,networkx; print("Python %s, NetworkX %s" % (sys.version.split()[0], networkx.__version__))' || echo 'NetworkX: not installed')."
echo
echo "Dataset: \`claimgraph synth --entities $ENT --claims $CLM --seed 1\`, canonical JSON, ${big_mb} MB;" \
	"max degree $MAXDEG, mean $MEANDEG. Generated in $(fmt_s "$(median_or_why "$gen")"), peak RSS $(fmt_mb "$(json rss_mb <<<"$gen")");" \
	"1% mutation for diff: $(fmt_s "$(median_or_why "$mut")")."
echo "Times are medians of up to $RUNS runs (claimgraph; fewer, at least 3, once a command's runs pass ${BUDGET_S} s) and $NXRUNS (Python)," \
	"after a warm-up run; whole process unless marked \"in process\"; embedded-dataset times by hyperfine (20 runs) when installed."
echo "Queries: paths \`$PA\` → \`$PB\`; render focus \`$FOCUS\`."
echo

# --- (a) render vs dot ------------------------------------------------------

echo "### Side by side"
echo
echo "| comparison | data | claimgraph | reference | reference ÷ claimgraph |"
echo "| --- | --- | --- | --- | --- |"
# render_cmp NAME LABEL [-d FILE]: one row, claimgraph render vs dot -Tsvg
# of the DOT claimgraph writes for the same data. When claimgraph refuses
# the graph as too large to lay out, the row says so, and a synthetic
# dataset at the refusal's stated limits is compared instead.
render_cmp() {
	local name=$1 label=$2 m cg ref=n/a
	shift 2
	say "render vs dot: $label"
	"$CG" "$@" render --format dot -o "$work/$name.dot" 2>/dev/null
	m=$(measure "$RUNS" 0 "$CG" "$@" render -o "$work/$name.svg")
	cg=$(median_or_why "$m")
	((HAVE_DOT)) && [ -s "$work/$name.dot" ] && ref=$(median_or_why "$(measure "$RUNS" 0 dot -Tsvg "$work/$name.dot" -o "$work/$name-dot.svg")")
	local limit
	limit=$(json stderr <<<"$m" | grep -o 'limit [0-9]* entities, [0-9]* claims' | head -1)
	if [ -n "$limit" ]; then
		echo "| \`claimgraph render\` vs \`dot -Tsvg\` of its DOT (whole process) | $label | refused: too large ($limit) | $(fmt_s "$ref") | n/a |"
		local le lc
		read -r le lc < <(sed 's/[^0-9 ]//g' <<<"$limit" | tr -s ' ' | sed 's/^ //')
		if [ "$name" != fit ] && [ -n "$lc" ]; then
			"$CG" synth --entities "$le" --claims "$lc" --seed 3 -o "$work/fit.json" &&
				render_cmp fit "synthetic at that limit, $le entities, $lc claims" -d "$work/fit.json"
		fi
		return
	fi
	echo "| \`claimgraph render\` vs \`dot -Tsvg\` of its DOT (whole process) | $label | $(fmt_s "$cg") | $(fmt_s "$ref") | $(ratio "$cg" "$ref") |"
}
if has render; then
	render_cmp emb "embedded (15 entities, 16 claims)"
	render_cmp small "synthetic, 200 entities, 300 claims" -d "$work/small.json"
else
	echo "| \`claimgraph render\` vs \`dot -Tsvg\` | embedded, synthetic 200 | n/a (no render command yet) | | |"
fi

# --- (b) paths vs networkx.all_simple_paths ---------------------------------

say "check (load only)"
check=$(measure "$RUNS" 0 "${CGB[@]}" -d "$work/big.json" check)
check_s=$(median_or_why "$check")
nxp_load="" nxp_first="" nxp_all="" nxp_n="" nxp_complete=""
if ((HAVE_NX)); then
	say "NetworkX paths ($NXRUNS runs, budget ${NXBUDGET}s each)"
	: >"$work/nxp"
	for _ in $(seq "$NXRUNS"); do
		if [ -f "$here/paths_networkx.py" ]; then
			# Contract: paths_networkx.py FILE FROM TO --cutoff N prints
			# one JSON object with load_s and search_s (and paths).
			o=$(timeout $((TIMEOUT + NXBUDGET)) "$PY" "$here/paths_networkx.py" "$work/big.json" "$PA" "$PB" --cutoff 6 2>/dev/null | tail -1)
			if "$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); d["load_s"]; d["search_s"]' "$o" 2>/dev/null; then
				o=$("$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); print(json.dumps({"json_load_s": d["load_s"], "build_s": 0, "first_s": d.get("first_s"), "all_s": d["search_s"], "paths": d.get("paths"), "complete": d.get("complete", True)}))' "$o")
			else
				o=""
			fi
		fi
		[ -n "${o:-}" ] || o=$(timeout $((TIMEOUT + NXBUDGET)) "$PY" "$here/nx_bench.py" paths "$work/big.json" "$PA" "$PB" 6 20 "$NXBUDGET" 2>/dev/null | tail -1)
		[ -n "$o" ] && echo "$o" >>"$work/nxp"
	done
	if [ -s "$work/nxp" ]; then
		nxp_load=$("$PY" -c 'import json,sys; [print(d["json_load_s"]+d["build_s"]) for d in map(json.loads, open(sys.argv[1]))]' "$work/nxp" | med)
		nxp_first=$("$PY" -c 'import json,sys; [print(d["first_s"]) for d in map(json.loads, open(sys.argv[1])) if d.get("first_s") is not None]' "$work/nxp" | med)
		nxp_all=$("$PY" -c 'import json,sys; [print(d["all_s"]) for d in map(json.loads, open(sys.argv[1]))]' "$work/nxp" | med)
		nxp_n=$(tail -1 "$work/nxp" | json paths)
		nxp_complete=$(tail -1 "$work/nxp" | json complete)
	fi
fi
if has paths; then
	say "claimgraph paths"
	paths=$(measure "$RUNS" 0,1 "${CGB[@]}" -d "$work/big.json" paths "$PA" "$PB")
	paths_s=$(median_or_why "$paths")
	search_s=$("$PY" -c 'import sys
try: print(max(float(sys.argv[1]) - float(sys.argv[2]), 0))
except ValueError: print("")' "$paths_s" "$check_s")
	nxp_whole=$("$PY" -c 'import sys
try: print(float(sys.argv[1]) + float(sys.argv[2]))
except ValueError: print("")' "$nxp_load" "$nxp_first")
	# The search alone is the difference of two whole-process medians: when
	# it is within their noise, say so rather than divide by it.
	search_shown=$(fmt_s "$search_s")
	search_ratio=$(ratio "$search_s" "$nxp_first")
	if "$PY" -c 'import sys; sys.exit(0 if float(sys.argv[1]) < 0.01 else 1)' "${search_s:-1}" 2>/dev/null; then
		search_shown="< 10 ms (within noise: paths $(fmt_s "$paths_s"), check $(fmt_s "$check_s"))"
		search_ratio="> $(ratio 0.01 "$nxp_first")"
	fi
	echo "| paths: load (\`check\` whole process vs \`json.load\` + \`DiGraph\` in Python) | $ENT / $CLM | $(fmt_s "$check_s") | $(fmt_s "$nxp_load") | $(ratio "$check_s" "$nxp_load") |"
	echo "| paths: search, top 20 ≤ 6 hops (\`paths\` − \`check\`) vs first 20 of \`all_simple_paths(cutoff=6)\` | $ENT / $CLM | $search_shown | $(fmt_s "$nxp_first") | $search_ratio |"
	echo "| paths: load + search (\`paths\` whole process vs Python load + first 20) | $ENT / $CLM | $(fmt_s "$paths_s") | $(fmt_s "$nxp_whole") | $(ratio "$paths_s" "$nxp_whole") |"
	if [ "$nxp_complete" = True ]; then
		echo "| paths: search vs all $nxp_n simple paths ≤ 6 hops | $ENT / $CLM | $search_shown | $(fmt_s "$nxp_all") | $(ratio "${search_s:-}" "$nxp_all") |"
	elif [ -n "$nxp_all" ]; then
		echo "| paths: search vs all simple paths ≤ 6 hops | $ENT / $CLM | $search_shown | > $(fmt_s "$nxp_all") (stopped; $nxp_n paths so far) | enumeration unfinished |"
	fi
else
	echo "| paths vs \`all_simple_paths(cutoff=6)\` | $ENT / $CLM | n/a (no paths command yet) | first 20: $(fmt_s "$nxp_first"); load $(fmt_s "$nxp_load") | |"
fi

# --- (c) check vs json.load + MultiDiGraph ----------------------------------

if ((HAVE_NX)); then
	say "Python load ($NXRUNS runs)"
	: >"$work/nxl"
	for _ in $(seq "$NXRUNS"); do
		timeout "$TIMEOUT" "$PY" "$here/nx_bench.py" load "$work/big.json" 2>/dev/null | tail -1 >>"$work/nxl"
	done
	nxl_in=$("$PY" -c 'import json,sys; [print(d["total_s"]) for d in map(json.loads, filter(str.strip, open(sys.argv[1])))]' "$work/nxl" | med)
	nxl=$(measure "$NXRUNS" 0 "$PY" "$here/nx_bench.py" load "$work/big.json")
	nxl_s=$(median_or_why "$nxl")
	echo "| load: \`check\` vs \`json.load\` + \`MultiDiGraph\` (in process) | $ENT / $CLM | $(fmt_s "$check_s") | $(fmt_s "$nxl_in") | $(ratio "$check_s" "$nxl_in") |"
	echo "| load: \`check\` vs the same Python, whole process (peak RSS) | $ENT / $CLM | $(fmt_s "$check_s") ($(fmt_mb "$(json rss_mb <<<"$check")")) | $(fmt_s "$nxl_s") ($(fmt_mb "$(json rss_mb <<<"$nxl")")) | $(ratio "$check_s" "$nxl_s") |"
else
	echo "| load: \`check\` vs \`json.load\` + \`MultiDiGraph\` | $ENT / $CLM | $(fmt_s "$check_s") | n/a (no NetworkX) | |"
fi
echo

# --- issue-7 targets --------------------------------------------------------

echo "### Targets (issue 7)"
echo
echo "| command | data | median | peak RSS | target | met |"
echo "| --- | --- | --- | --- | --- | --- |"
# row CMD LABEL DATA TARGET_S TARGET_MB OK_CODES RUNS ARGS...: measure and
# print one line; n/a when claimgraph lacks CMD.
row() {
	local cmd=$1 label=$2 data=$3 tsec=$4 tmb=$5 ok=$6 runs=$7
	shift 7
	if ! has "$cmd"; then
		echo "| \`$label\` | $data | n/a (not implemented yet) | | ≤ $(fmt_s "$tsec") | |"
		return
	fi
	say "$label ($data)"
	local m hf=""
	m=$(measure "$runs" "$ok" "$@")
	if [ "$data" = embedded ] && [ "$(json status <<<"$m")" = ok ]; then
		hf=$(hf_median "$ok" "$@") # hyperfine's 20 runs are steadier at this scale
	fi
	print_row "$label" "$data" "$tsec" "$tmb" "$m" "$hf"
}

# print_row LABEL DATA TARGET_S TARGET_MB RESULT [SECONDS]: one line of the
# targets table from measure's RESULT (SECONDS overrides its median).
print_row() {
	local label=$1 data=$2 tsec=$3 tmb=$4 m=$5 s=${6:-} rss met note="" shown
	rss=$(json rss_mb <<<"$m")
	if [ "$(json status <<<"$m")" != ok ]; then
		note=" ($(json stderr <<<"$m" | tr '|\n' '/ ' | head -c 140))"
		s=$(json status <<<"$m")
	elif [ -z "$s" ]; then
		s=$(json median_s <<<"$m")
	fi
	met=$("$PY" -c 'import sys
s,t,r,tm=sys.argv[1:]
try: ok = float(s) <= float(t) and (not tm or float(r) <= float(tm))
except ValueError: print("no"); sys.exit()
print("yes" if ok else "**no**")' "$s" "$tsec" "${rss:-0}" "$tmb")
	local target="≤ $(fmt_s "$tsec")"
	[ -n "$tmb" ] && target="$target, ≤ $(fmt_mb "$tmb")"
	case $s in [0-9]*) shown=$(fmt_s "$s") ;; *) shown=$s ;; esac
	echo "| \`$label\` | $data | $shown$note | $(fmt_mb "$rss") | $target | $met |"
}
big="$ENT / $CLM"
print_row "check" "$big" 3 1536 "$check"
if has paths; then
	print_row "paths $PA $PB" "$big" 4 "" "$paths"
else
	row paths "paths $PA $PB" "$big" 4 "" 0,1 "$RUNS"
fi
if [ -s "$work/big-new.json" ]; then
	row diff "diff OLD NEW (1% changed)" "$big" 7 "" 0,1 "$RUNS" "${CGB[@]}" diff "$work/big.json" "$work/big-new.json"
else
	echo "| \`diff OLD NEW\` | $big | n/a (mutated copy not made: $(json status <<<"$mut")) | | ≤ 7.00 s | |"
fi
row render "render --focus $FOCUS --depth 2" "$big" 5 "" 0 "$RUNS" "${CGB[@]}" -d "$work/big.json" render --focus "$FOCUS" --depth 2 -o "$work/focus.svg"
row render "render --focus $FOCUS --depth 2 --format dot" "$big" 5 "" 0 "$RUNS" "${CGB[@]}" -d "$work/big.json" render --focus "$FOCUS" --depth 2 --format dot -o "$work/focus.dot"
# YAML files over 64 MiB are refused (the YAML parser needs ~60x a file's
# size in memory), so YAML is measured on a tenth of the data: scale up by 10
# to compare with the JSON rows.
say "YAML copy (a tenth of the claims)"
"$CG" synth --entities $((ENT / 10)) --claims $((CLM / 10)) --seed 1 --format yaml -o "$work/tenth.yaml"
row check "check (YAML input, $(du -m "$work/tenth.yaml" | cut -f1) MB, a tenth of the claims)" "$((ENT / 10)) / $((CLM / 10))" 3 1536 0 0 "${CGB[@]}" -d "$work/tenth.yaml" check
for c in "check" "export --format json" "list claims" "show alibaba" "stats" "paths apple pla"; do
	read -r -a argv <<<"$c"
	row "${argv[0]}" "$c" embedded 0.02 "" 0,1 "$RUNS" "$CG" "${argv[@]}"
done
row diff "diff OLD NEW" embedded 0.02 "" 0,1 "$RUNS" "$CG" diff "$work/emb.json" "$work/emb-new.json"
echo
if [ "$(json status <<<"$check")" = ok ]; then
	"$PY" -c 'import sys
s,mb,rss,n=map(float,sys.argv[1:])
print("Load throughput (check, whole process): %.0f MB/s; peak RSS per claim: %.0f bytes." % (mb/s, rss*1048576/n))' \
		"$check_s" "$big_mb" "$(json rss_mb <<<"$check")" "$CLM"
fi
