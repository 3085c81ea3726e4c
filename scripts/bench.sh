#!/usr/bin/env bash
# bench.sh — reproduces the numbers of BENCHMARKS.md: load throughput and memory per store,
# and GraphQL latency under load, on the embedded store and on Neo4j.
#
# Unless EGOVGRAPH_TEST_NEO4J_URI names a test server, it starts one of its own on a free port
# (scripts/test-neo4j.bash, as scripts/test.sh does) and stops it afterwards; a Neo4j of the
# user's is never touched. Without a server the Neo4j benchmarks are skipped and the embedded
# ones still run.
#
# Environment:
#   EGOVGRAPH_BENCH_100K=1   also load 100,000 synthetic releases into the embedded store
#   EGOVGRAPH_BENCH_RATE     arrival rate of the query benchmarks in requests/s (default 200)
#   BENCH_REQUESTS           requests per query benchmark (default 2000: 10 s at 200/s)
#   BENCH_FILTER             a -bench regexp to run only some benchmarks, e.g. 'Query/embedded'
#
# The raw output of go test, with the machine and its load, goes to
# $TMPDIR/egovgraph-bench-DATE.txt; the table of the numbers is printed at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "bench.sh: $*" >&2; }

source scripts/test-neo4j.bash
tmp=$(mktemp -d)
cleanup() {
	rm -rf "$tmp"
	stop_test_neo4j
}
trap cleanup EXIT
trap 'exit 130' INT TERM

unset NEO4J_URI NEO4J_USER NEO4J_PASSWORD NEO4J_DATABASE
if [[ -z ${EGOVGRAPH_TEST_NEO4J_URI:-} ]] && ! start_test_neo4j; then
	say "Neo4j did not start; the Neo4j benchmarks will be skipped"
fi


out=${TMPDIR:-/tmp}/egovgraph-bench-$(date -u +%Y%m%dT%H%M%SZ).txt
requests=${BENCH_REQUESTS:-2000}
{
	echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
	echo "go: $(go version)"
	echo "load before: $(uptime)"
} | tee "$out" >&2

# One test binary for all runs: the same code throughout, however the tree changes meanwhile.
bin=$tmp/egovgraph.test
go test -c -o "$bin" ./cmd/egovgraph

# run BENCHTIME PATTERN runs the benchmarks of cmd/egovgraph that PATTERN selects, in the
# package's directory as go test does. A load benchmark loads once (1x); a query benchmark
# sends BENCHTIME requests.
run() {
	say "go test -bench '$2' -benchtime $1"
	if ! (cd cmd/egovgraph && "$bin" -test.run '^$' -test.bench "$2" -test.benchtime "$1" -test.count 1 -test.timeout 0) 2>&1 | tee -a "$out"; then
		failed=1
	fi
	echo "load after $2: $(uptime)" | tee -a "$out" >&2
}

if [[ -n ${BENCH_FILTER:-} ]]; then
	benchtime=1x
	[[ $BENCH_FILTER == *Query* ]] && benchtime=${requests}x
	run "$benchtime" "$BENCH_FILTER"
else
	run 1x '^BenchmarkLoad(Corpus|Synthetic)$'
	run "${requests}x" '^BenchmarkQuery$'
fi

# The table: one row per benchmark, the metrics BENCHMARKS.md reports as columns.
awk '
/^Benchmark/ {
	name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
	row[++n] = name
	for (i = 3; i < NF; i += 2) v[name, $(i + 1)] = $i
}
END {
	split("releases/s s/load heap-MiB rss-MiB db-MiB server-rss-MiB p50-ms p99-ms req/s KiB/answer cold-ms failed-% nodes/op edges/op", col, " ")
	printf "| benchmark |"; for (c = 1; c in col; c++) printf " %s |", col[c]; print ""
	printf "|---|"; for (c = 1; c in col; c++) printf "---:|"; print ""
	for (r = 1; r <= n; r++) {
		printf "| %s |", row[r]
		for (c = 1; c in col; c++) printf " %s |", ((row[r], col[c]) in v) ? v[row[r], col[c]] : ""
		print ""
	}
}' "$out"
say "raw output in $out"
[[ -z ${failed:-} ]] || { say "some benchmarks failed"; exit 1; }
