#!/usr/bin/env bash
# test.sh — runs every test of egovgraph: formatting, vet, the generated GraphQL code, the
# front-end build (web/dist must match a fresh build), go test on all packages (the Neo4j
# store tests against a real Neo4j server, the dashboard tests in a headless Chromium), and a
# few seconds of fuzzing for each reader of outside input.
#
# It starts a Neo4j server of its own for the tests (scripts/test-neo4j.bash): on a free port,
# with its own home under .neo4j/, and stops that one, and only that one, on exit. The tests
# use no other server: they read EGOVGRAPH_TEST_NEO4J_URI, never NEO4J_URI, and wipe only a
# database that holds the marker node the test server gets at start. When the server cannot
# start, the run fails if CI=true; elsewhere the Neo4j tests report that they were skipped
# and why. EGOVGRAPH_TEST_NEO4J_URI (and _PASSWORD) already set: that server is used instead,
# and it must have been started with NEO4J_TEST_MARKER=1 scripts/neo4j.sh start.
#
# Without npm (the front-end build check) or Chromium (the dashboard tests) those are skipped
# with a message, and fail the run with CI=true. Screenshots of the dashboard tests are kept
# in $EGOVGRAPH_ARTIFACTS (default ${TMPDIR:-/tmp}/egovgraph-artifacts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "test.sh: $*" >&2; }

# Whatever the shell says about a Neo4j of the user's is none of the tests' business.
unset NEO4J_URI NEO4J_USER NEO4J_PASSWORD NEO4J_DATABASE

if [[ -z ${EGOVGRAPH_TEST_NEO4J_URI:-} ]]; then
	source scripts/test-neo4j.bash
	trap stop_test_neo4j EXIT
	trap 'exit 130' INT TERM
	if ! start_test_neo4j; then
		if [[ ${CI:-} == true ]]; then
			say "the test Neo4j did not start; with CI=true that is a failure"
			exit 1
		fi
		say "the test Neo4j did not start; the Neo4j store tests will be skipped"
	fi
fi

unformatted=$(gofmt -l $(git ls-files '*.go'))
if [[ -n $unformatted ]]; then
	say "not gofmt-formatted:"
	echo "$unformatted" >&2
	exit 1
fi
if command -v npm >/dev/null; then
	scripts/web.sh check
elif [[ ${CI:-} == true ]]; then
	say "npm not found; with CI=true that is a failure (the front-end build check needs it)"
	exit 1
else
	say "npm not found; the front-end build check and the accessibility check will be skipped"
fi
go vet ./...
artifacts=${EGOVGRAPH_ARTIFACTS:-${TMPDIR:-/tmp}/egovgraph-artifacts}
mkdir -p "$artifacts"
go test -count=1 -timeout 30m -artifacts -outputdir "$artifacts" ./...
say "test artifacts (dashboard screenshots) in $artifacts"

# Fuzz the readers of outside input and the extractor for a few seconds each (go test runs one target at a
# time); a crasher is written to loaders/testdata/fuzz/ and fails the run: keep it there as
# a regression test once fixed.
for target in FuzzReadMarkdown FuzzReadText FuzzReadHTML FuzzParseDate FuzzWalk FuzzExtract; do
	go test -run '^$' -fuzz "^$target\$" -fuzztime "${EGOVGRAPH_FUZZTIME:-3s}" ./loaders
done
