#!/usr/bin/env bash
# run.sh — egovgraph against the official Neo4j GraphQL Library (@neo4j/graphql on Apollo
# Server), side by side on one Neo4j: BENCHMARKS.md's comparison. Not part of CI.
#
# It starts Neo4j (scripts/neo4j.sh), writes the synthetic releases, loads them with the dev
# corpus once into Neo4j and into an embedded store, serves them with egovgraph on each store
# and with the peer, checks that every query pair returns the same data, runs wrk against
# each server in turn (interleaved, ROUNDS times) and prints the table.
#
# Needs Go, Java 17 and Maven (for Neo4j), Node.js 20 and npm, and wrk (apt-get install wrk).
# Environment: NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD (egovgraph), PEER_DATA (where the
# binary, the releases and the embedded store go; $TMPDIR/egovgraph-peer), PEER_RELEASES
# (10000), PEER_PORT (18100: the servers listen on the three ports after it), DURATION (10s),
# CONNECTIONS (8), ROUNDS (2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

say() { echo "run.sh: $*" >&2; }
command -v wrk >/dev/null || { say "needs wrk: apt-get install wrk"; exit 1; }
command -v npm >/dev/null || { say "needs Node.js and npm"; exit 1; }

export NEO4J_PASSWORD=${NEO4J_PASSWORD:-egovgraph}
export NEO4J_URI=bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687}
data=${PEER_DATA:-${TMPDIR:-/tmp}/egovgraph-peer}
releases=${PEER_RELEASES:-10000}
port=${PEER_PORT:-18100}
corpus=../shared/corpus/dev
mkdir -p "$data"

pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	[[ -z ${stop_neo4j:-} ]] || scripts/neo4j.sh stop
}
trap cleanup EXIT
scripts/neo4j.sh status >/dev/null 2>&1 || stop_neo4j=1
scripts/neo4j.sh start

(cd bench/peer && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; })
go build -o "$data/egovgraph" ./cmd/egovgraph
[[ -d $data/synth ]] || { say "writing $releases synthetic releases"; go run ./bench/peer/synth "$data/synth.tmp" "$releases" && mv "$data/synth.tmp" "$data/synth"; }
sources=("$data/synth")
[[ -d $corpus ]] && sources+=("$corpus")
want=$(find "${sources[@]}" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.markdown' \) | wc -l)

# Load once: a store holding another number of releases is wiped and loaded again.
if [[ ! -e $data/embedded/egovgraph.db ]]; then
	say "loading the embedded store"
	"$data/egovgraph" load -data "$data/embedded" "${sources[@]}" | tail -2
fi
if [[ $(node bench/peer/neo4j.js count) != "$want" ]]; then
	say "loading Neo4j"
	node bench/peer/neo4j.js wipe
	"$data/egovgraph" load -store neo4j "${sources[@]}" | tail -2
fi

"$data/egovgraph" serve -store neo4j -samples=false -addr "127.0.0.1:$((port + 1))" >"$data/serve-neo4j.log" 2>&1 &
pids+=($!); export PIDS_EGOVGRAPH_NEO4J=$! EGOVGRAPH_NEO4J=http://127.0.0.1:$((port + 1))/graphql
"$data/egovgraph" serve -data "$data/embedded" -samples=false -addr "127.0.0.1:$((port + 2))" >"$data/serve-embedded.log" 2>&1 &
pids+=($!); export PIDS_EGOVGRAPH_EMBEDDED=$! EGOVGRAPH_EMBEDDED=http://127.0.0.1:$((port + 2))/graphql
PORT=$((port + 3)) node bench/peer/server.js >"$data/peer.log" 2>&1 &
pids+=($!); export PIDS_PEER=$! PEER=http://127.0.0.1:$((port + 3))/
export PIDS_NEO4J=$(cat .neo4j/neo4j.pid)

for url in "$EGOVGRAPH_NEO4J" "$EGOVGRAPH_EMBEDDED" "$PEER"; do
	for _ in $(seq 120); do
		curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$url" && break
		sleep 1
	done
done

{
	echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
	echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "releases: $want; wrk -t1 -c${CONNECTIONS:-8} -d${DURATION:-10s}, ${ROUNDS:-2} rounds, interleaved; medians"
} >&2
node bench/peer/bench.js
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
