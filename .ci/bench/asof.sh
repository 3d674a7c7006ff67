#!/bin/sh
# What --as-of costs a whole command at a million claims: stats and check on
# the synthetic benchmark dataset, without and with --as-of (the median
# source date: about a third of the claims kept, the most copying; and the
# last date: every claim kept). The budget is 20%.
#
# Run from the repository root: .ci/bench/asof.sh [runs]
# Uses /usr/bin/time -v (GNU time); hyperfine would do as well. On a shared
# machine wall time swings by a factor of three between runs: compare the
# CPU time (user + system) and the lowest of the runs.
set -eu

runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/claimgraph" ./cmd/claimgraph
cg="$work/claimgraph"
"$cg" synth --entities 100000 --claims 1000000 --seed 1 -o "$work/big.json"

# The median and the last published date of the sources.
dates=$(grep -o '"published": "[0-9-]*"' "$work/big.json" | cut -d'"' -f4 | sort | uniq)
n=$(echo "$dates" | wc -l)
median=$(echo "$dates" | sed -n "$(( (n + 1) / 2 ))p")
last=$(echo "$dates" | tail -n 1)
echo "sources' dates: $n distinct, median $median, last $last"

measure() { # label, command...
	label=$1
	shift
	for i in $(seq "$runs"); do
		/usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
		wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
		cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time.txt")
		rss=$(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}')
		echo "$label	run $i	cpu ${cpu}s	wall $wall	max RSS ${rss} kB"
	done
}

for cmd in ${CMDS:-stats check}; do
	measure "$cmd" "$cg" --max-bytes 2000000000 "$cmd" -d "$work/big.json"
	measure "$cmd --as-of $median" "$cg" --max-bytes 2000000000 "$cmd" -d "$work/big.json" --as-of "$median"
	measure "$cmd --as-of $last" "$cg" --max-bytes 2000000000 "$cmd" -d "$work/big.json" --as-of "$last"
done
