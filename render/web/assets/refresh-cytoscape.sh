#!/bin/sh
# refresh-cytoscape.sh re-downloads the vendored Cytoscape.js from the npm
# registry (npm pack, no install, no scripts run) and checks its sha256, so
# that the committed file can be verified or replaced by a reviewed version.
# Usage: render/web/assets/refresh-cytoscape.sh [--check]
#   --check  only compare the download with the committed file
set -eu
VERSION=3.35.0
SHA256=71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "cytoscape@$VERSION" >/dev/null && tar xzf "cytoscape-$VERSION.tgz")
got=$(sha256sum "$tmp/package/dist/cytoscape.min.js" | cut -d' ' -f1)
if [ "$got" != "$SHA256" ]; then
	echo "refresh-cytoscape: sha256 of cytoscape@$VERSION is $got, want $SHA256" >&2
	exit 1
fi
if [ "${1:-}" = "--check" ]; then
	cmp "$tmp/package/dist/cytoscape.min.js" "$here/cytoscape.min.js"
	echo "refresh-cytoscape: committed file matches cytoscape@$VERSION"
	exit 0
fi
cp "$tmp/package/dist/cytoscape.min.js" "$here/cytoscape.min.js"
cp "$tmp/package/LICENSE" "$here/cytoscape.LICENSE"
echo "refresh-cytoscape: cytoscape@$VERSION written, sha256 $got"
