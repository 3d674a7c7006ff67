#!/bin/sh
# Times claimgraph check, paths and render on worst-case inputs of up to
# 1 MB (each attack shape found against the loader, path search and
# rendering; see data/internal/hostilegen) and prints a table: exit status,
# wall seconds, CPU seconds (user + system) and peak RSS. Each run is
# stopped after 60 s (status 124). A benchmark, not a test: the goal is
# every row within 2 s and 500 MB for check and paths, 15 s for render.
#
# Needs GNU time at /usr/bin/time (apt-get install -y time) and awk.
# Run from the repository root: .ci/bench/hostile.sh [SIZE_BYTES]
set -eu

size=${1:-1048576}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/claimgraph" ./cmd/claimgraph
go run ./data/internal/hostilegen -o "$work/in" -size "$size"
cg="$work/claimgraph"
# After the builds, which use the Go cache under it: render's compilation
# cache, of our own.
export XDG_CACHE_HOME="$work/cache"

# run NAME BYTES ARGS...: one row of the table.
run() {
	name=$1
	bytes=$2
	shift 2
	set +e
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" timeout 60 "$@" >/dev/null 2>"$work/err"
	status=$?
	set -e
	# GNU time writes "Command exited with non-zero status N" first then.
	tail -n 1 "$work/time" | awk -v n="$name" -v b="$bytes" -v s="$status" -v e="$(head -c 70 "$work/err" | tr -d '\000-\037' | sed 's/^claimgraph: error: //')" \
		'{ printf "%-36s %9s %6s %8s %8.2f %8.0f MB  %s\n", n, b, s, $1, $2 + $3, $4 / 1024, e }'
}

cd "$work/in" # so that messages name the files alone
printf '%-36s %9s %6s %8s %8s %11s  %s\n' input bytes status wall_s cpu_s peak_rss "first words of standard error"
for f in check-*; do
	run "check $f" "$(wc -c <"$f")" "$cg" check -d "$f"
done
for f in paths-*; do
	run "paths $f" "$(wc -c <"$f")" "$cg" paths from to -d "$f" --max-hops 16 --limit 2
done
for f in render-*; do
	run "check $f" "$(wc -c <"$f")" "$cg" check -d "$f"
	run "render $f" "$(wc -c <"$f")" "$cg" render -d "$f" -o "$work/out.svg"
done
