#!/usr/bin/env bash
# neo4j.sh start|stop|status|wait — a local Neo4j 5.26 Community server for tests and local use.
#
# The server (scripts/neo4j/, embedded Neo4j with Bolt) listens on 127.0.0.1 only. State lives
# under .neo4j/ at the repo root (git-ignored): data/ (the Neo4j home), neo4j.log, neo4j.pid,
# build.log.
#
# Environment:
#   NEO4J_BOLT_PORT  Bolt port (default 7687)
#   NEO4J_STATE_DIR  where neo4j.pid and neo4j.log live (default .neo4j); stop and status
#                    act only on the server whose pid file is there
#   NEO4J_TEST_MARKER=1  mark the database as a scratch database that tests may wipe
#                    (scripts/test.sh sets it for the server it starts; never set it for
#                    a server that holds data you want to keep)
#   NEO4J_PASSWORD   password of user neo4j, set on every start (default egovgraph; 8+ chars)
#   NEO4J_HOME_DIR   Neo4j home directory (default .neo4j/data)
#   NEO4J_HEAP       JVM maximum heap (default 1g)
#   NEO4J_WAIT       seconds start and wait allow for Bolt to answer (default 180)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=$repo/scripts/neo4j
state=${NEO4J_STATE_DIR:-$repo/.neo4j}
pidfile=$state/neo4j.pid
log=$state/neo4j.log
port=${NEO4J_BOLT_PORT:-7687}
home=${NEO4J_HOME_DIR:-$state/data}
heap=${NEO4J_HEAP:-1g}
limit=${NEO4J_WAIT:-180}
main=org.egovgraph.neo4j.Server

say() { echo "neo4j.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# pid prints the pid of the server this script started, if it still runs.
pid() {
	[[ -f $pidfile ]] || return 1
	local p
	p=$(<"$pidfile")
	[[ $p =~ ^[0-9]+$ ]] && kill -0 "$p" 2>/dev/null &&
		tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q "$main" || return 1
	echo "$p"
}

# answers reports whether something accepts TCP connections on the Bolt port.
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# build compiles the server and writes its class path unless both are newer than the sources
# and every jar on the class path is still in the local Maven repository.
build() {
	local cp=$src/target/classpath.txt stale=
	if [[ ! -f $cp || $src/pom.xml -nt $cp ]] || [[ -n $(find "$src/src" -newer "$cp" -type f) ]]; then
		stale=1
	else
		local jar
		while IFS= read -r jar; do [[ -f $jar ]] || { stale=1; break; }; done < <(tr ':' '\n' <"$cp")
	fi
	[[ -z $stale ]] && return 0
	say "building the server (the first build downloads Neo4j from Maven Central)"
	mkdir -p "$state"
	if ! (cd "$src" && mvn -B -q -Dstyle.color=never compile dependency:build-classpath \
		-Dmdep.outputFile=target/classpath.txt) >"$state/build.log" 2>&1; then
		tail -n 30 "$state/build.log" >&2
		die "build failed (mvn in $src, full output in $state/build.log)"
	fi
	touch "$cp" # Maven leaves an unchanged class path file as it was
}

# await waits until the server started by this script says it is ready and Bolt answers.
await() {
	local deadline=$((SECONDS + limit)) p
	while ((SECONDS < deadline)); do
		if p=$(pid); then
			if grep -q "bolt ready" "$log" 2>/dev/null && answers; then
				say "ready on bolt://127.0.0.1:$port (pid $p)"
				return 0
			fi
		elif answers; then
			say "bolt://127.0.0.1:$port answers, but not from a server this script started"
			# A test server must be the one started here: the other may hold someone's data.
			[[ -z ${NEO4J_TEST_MARKER:-} ]] || return 1
			return 0
		else
			say "the server is not running"
			[[ -f $log ]] && { say "last lines of $log:"; tail -n 30 "$log" >&2; }
			return 1
		fi
		sleep 1
	done
	say "Bolt did not answer on 127.0.0.1:$port within ${limit}s; last lines of $log:"
	tail -n 30 "$log" >&2
	return 1
}

start() {
	if pid >/dev/null; then
		await
		return
	fi
	answers && die "port $port is taken by another process; set NEO4J_BOLT_PORT"
	build
	mkdir -p "$state" "$home"
	local java=java marker=()
	[[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java
	[[ -n ${NEO4J_TEST_MARKER:-} ]] && marker=(--test-marker)
	say "starting on 127.0.0.1:$port, home $home, log $log"
	# setsid: the server outlives this shell and ignores its terminal's signals.
	setsid "$java" -Xms256m "-Xmx$heap" -XX:+ExitOnOutOfMemoryError \
		--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
		-cp "$src/target/classes:$(<"$src/target/classpath.txt")" "$main" --port "$port" --home "$home" "${marker[@]}" \
		>"$log" 2>&1 </dev/null &
	echo $! >"$pidfile"
	# Until the forked shell has exec'd java, pid does not recognise the server.
	local i
	for ((i = 0; i < 50; i++)); do
		pid >/dev/null || ! kill -0 "$!" 2>/dev/null && break
		sleep 0.1
	done
	await
}

stop() {
	local p
	if ! p=$(pid); then
		rm -f "$pidfile"
		say "not running"
		return 0
	fi
	kill -TERM "$p"
	local deadline=$((SECONDS + 60))
	while kill -0 "$p" 2>/dev/null; do
		if ((SECONDS >= deadline)); then
			say "pid $p did not stop within 60s; killing it"
			kill -KILL "$p" 2>/dev/null || true
			break
		fi
		sleep 0.5
	done
	rm -f "$pidfile"
	say "stopped"
}

status() {
	local p
	if p=$(pid); then
		if answers; then echo "running (pid $p) on bolt://127.0.0.1:$port"; else echo "starting (pid $p)"; fi
		return 0
	fi
	echo "stopped"
	return 3
}

case ${1:-} in
start) start ;;
stop) stop ;;
status) status ;;
wait) await ;;
*)
	echo "usage: scripts/neo4j.sh start|stop|status|wait" >&2
	exit 2
	;;
esac
