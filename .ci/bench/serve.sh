#!/usr/bin/env bash
# The explorer under load: `claimgraph serve` on the 100,000-entity,
# 1,000,000-claim synthetic dataset, then a fixed number of requests per
# endpoint (search, neighbourhood depth 1, paths) from 8 concurrent clients
# to 127.0.0.1 only, then everything stops. Prints latencies, the server's
# memory after loading and after the load, and `check`'s for comparison.
#
#   .ci/bench/serve.sh [REQUESTS_PER_ENDPOINT]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}
tmp=$(mktemp -d)
bin=$tmp/claimgraph
data=${TMPDIR:-/tmp}/claimgraph-serve-1m.json
pid=
cleanup() {
	if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$bin" ./cmd/claimgraph
go build -o "$tmp/loadgen" ./render/web/internal/loadgen
if [ ! -s "$data" ]; then
	"$bin" synth --entities 100000 --claims 1000000 --seed 1 -o "$data"
fi
rss() { awk '/^VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$1/status"; }

"$bin" serve -d "$data" --max-bytes 4000000000 --addr 127.0.0.1:0 2>"$tmp/err" &
pid=$!
for _ in $(seq 600); do
	grep -q 'serving http' "$tmp/err" && break
	kill -0 "$pid" 2>/dev/null || { cat "$tmp/err" >&2; exit 1; }
	sleep 0.1
done
url=$(sed -n 's/^claimgraph: serving //p' "$tmp/err")
echo "server: $url"
echo "server memory after loading: $(rss "$pid")"
"$tmp/loadgen" -url "$url" -n "$n" -c 8
echo "server memory after the load: $(rss "$pid")"
kill -TERM "$pid"; wait "$pid"; pid=
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "check maximum RSS: %M KB" "$bin" check -d "$data" --max-bytes 4000000000 >/dev/null 2>"$tmp/check" || true
	tail -1 "$tmp/check"
fi
