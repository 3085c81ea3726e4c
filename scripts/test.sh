#!/usr/bin/env bash
# test.sh — runs every test of egovgraph: formatting, vet, the generated GraphQL code, and
# go test on all packages, the Neo4j store tests against a real Neo4j server.
#
# Unless NEO4J_URI names a running server, it starts the local one (scripts/neo4j.sh) and
# stops it afterwards. When the server cannot start, the run fails if CI=true; elsewhere the
# Neo4j tests report that they were skipped and why.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "test.sh: $*" >&2; }

if [[ -z ${NEO4J_URI:-} ]]; then
	export NEO4J_PASSWORD=${NEO4J_PASSWORD:-egovgraph}
	if scripts/neo4j.sh start; then
		trap 'scripts/neo4j.sh stop' EXIT
		export NEO4J_URI=bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687}
	elif [[ ${CI:-} == true ]]; then
		say "Neo4j did not start; with CI=true that is a failure"
		exit 1
	else
		say "Neo4j did not start; the Neo4j store tests will be skipped"
	fi
fi

unformatted=$(gofmt -l $(git ls-files '*.go'))
if [[ -n $unformatted ]]; then
	say "not gofmt-formatted:"
	echo "$unformatted" >&2
	exit 1
fi
go vet ./...
go test -count=1 -timeout 30m ./...
