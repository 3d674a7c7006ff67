#!/usr/bin/env bash
# Path search against NetworkX on the 100,000-entity, 1,000,000-claim
# synthetic graph of graph/paths_bench_test.go (claimgraph synth, seed 1). Installs python3-networkx
# with apt when missing; writes the dataset once to $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-${TMPDIR:-/tmp}/claimgraph-paths-100k.json}
if ! /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
	apt-get install -y python3-networkx >/dev/null
fi
if [ ! -s "$data" ]; then
	go run ./cmd/claimgraph synth --entities 100000 --claims 1000000 --seed 1 -o "$data"
fi
exec /usr/bin/python3 .ci/bench/paths_networkx.py "$data" "${@:2}"
