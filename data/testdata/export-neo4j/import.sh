#!/bin/sh
# Load this directory into a new, stopped Neo4j database (default: neo4j):
#   sh import.sh [DATABASE]
# Written by claimgraph export --format neo4j.
set -eu
cd "$(dirname "$0")"
neo4j-admin database import full \
  --nodes=entities.csv --nodes=sources.csv --nodes=claims.csv \
  --relationships=claim_ends.csv --relationships=claim_links.csv \
  --relationships=claim_sources.csv --relationships=stances.csv \
  --multiline-fields=true \
  "${1:-neo4j}"
