# test-neo4j.bash — sourced by scripts/test.sh and scripts/bench.sh: a scratch Neo4j for tests.
#
# start_test_neo4j starts a Neo4j server of its own (scripts/neo4j.sh) on a free port of
# 127.0.0.1, with its home and state in a new directory under .neo4j/, and a marker node in
# its database without which the tests wipe nothing. It exports EGOVGRAPH_TEST_NEO4J_URI and
# EGOVGRAPH_TEST_NEO4J_PASSWORD for the tests. stop_test_neo4j stops that server, and only
# it, and removes its directory. A server on 7687 or any other port is never touched.
#
# EGOVGRAPH_TEST_NEO4J_PORT pins the port instead of picking a free one.

# free_port prints a port of 127.0.0.1 on which nothing answers, below Linux's ephemeral range.
free_port() {
	local port i
	for ((i = 0; i < 100; i++)); do
		port=$((20000 + RANDOM % 12000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
	done
	return 1
}

start_test_neo4j() {
	local repo attempt
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	mkdir -p "$repo/.neo4j"
	test_neo4j_state=$(mktemp -d "$repo/.neo4j/test.XXXXXX")
	test_neo4j_password=egovgraph-test
	# A port picked free can be taken before Java binds it: then try another one.
	for attempt in 1 2 3; do
		test_neo4j_port=${EGOVGRAPH_TEST_NEO4J_PORT:-$(free_port)} || return 1
		if NEO4J_STATE_DIR=$test_neo4j_state NEO4J_HOME_DIR=$test_neo4j_state/data \
			NEO4J_BOLT_PORT=$test_neo4j_port NEO4J_PASSWORD=$test_neo4j_password NEO4J_TEST_MARKER=1 \
			"$repo/scripts/neo4j.sh" start; then
			export EGOVGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$test_neo4j_port
			export EGOVGRAPH_TEST_NEO4J_PASSWORD=$test_neo4j_password
			return 0
		fi
		stop_test_neo4j keep
		[[ -z ${EGOVGRAPH_TEST_NEO4J_PORT:-} ]] || break
	done
	return 1
}

# stop_test_neo4j [keep] stops the server start_test_neo4j started; without keep it also
# removes its directory.
stop_test_neo4j() {
	[[ -n ${test_neo4j_state:-} ]] || return 0
	local repo
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	NEO4J_STATE_DIR=$test_neo4j_state NEO4J_BOLT_PORT=$test_neo4j_port "$repo/scripts/neo4j.sh" stop || true
	if [[ ${1:-} != keep ]]; then
		rm -rf "$test_neo4j_state"
		test_neo4j_state=
	fi
}
