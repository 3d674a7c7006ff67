# Load this directory into a running Neo4j:
#   pip install neo4j
#   python3 load.py bolt://localhost:7687 neo4j PASSWORD
# Runs every NN-*.cypher in name order: once with no rows when it has no
# NN-*.NNNN.json beside it, else once per batch file with $rows bound to
# the batch. Written by claimgraph export --format cypher.
import glob, json, sys
from neo4j import GraphDatabase

uri, user, password = sys.argv[1:4]
with GraphDatabase.driver(uri, auth=(user, password)) as driver:
    for query_file in sorted(glob.glob("[0-9][0-9]-*.cypher")):
        text = open(query_file, encoding="utf-8").read()
        batches = sorted(glob.glob(query_file[: -len(".cypher")] + ".[0-9]*.json"))
        for query in [q for q in text.split(";\n") if q.strip()]:
            if not batches:
                driver.execute_query(query)
            for batch in batches:
                with open(batch, encoding="utf-8") as f:
                    driver.execute_query(query, rows=json.load(f))
