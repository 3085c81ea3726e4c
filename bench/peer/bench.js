// bench.js checks that egovgraph and the peer answer each query of queries.js alike, then
// measures them with wrk, interleaved, and prints the table of BENCHMARKS.md.
//
// Environment: EGOVGRAPH_NEO4J, EGOVGRAPH_EMBEDDED, PEER (base URLs of the servers),
// PIDS_* (their process IDs, for CPU and memory: PIDS_EGOVGRAPH_NEO4J, …, PIDS_NEO4J),
// DURATION (of one wrk run, default 10s), CONNECTIONS (default 8), ROUNDS (default 2).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { queries } from "./queries.js";

const servers = {
  "egovgraph-neo4j": { url: process.env.EGOVGRAPH_NEO4J, pid: process.env.PIDS_EGOVGRAPH_NEO4J, kind: "egovgraph" },
  "egovgraph-embedded": { url: process.env.EGOVGRAPH_EMBEDDED, pid: process.env.PIDS_EGOVGRAPH_EMBEDDED, kind: "egovgraph" },
  peer: { url: process.env.PEER, pid: process.env.PIDS_PEER, kind: "peer" },
};
const neo4jPid = process.env.PIDS_NEO4J;
const duration = process.env.DURATION ?? "10s";
const connections = Number(process.env.CONNECTIONS ?? 8);
const rounds = Number(process.env.ROUNDS ?? 2);
const dir = mkdtempSync(join(tmpdir(), "egovgraph-peer-"));

async function ask(url, query) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.errors) {
    throw new Error(`${url}: ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

// The runs: for each query, egovgraph on both stores and each variant of the peer, each
// checked against egovgraph on Neo4j before it is timed.
const runs = [];
for (const q of queries) {
  const want = JSON.stringify(q.egovgraph.normalize(await ask(servers["egovgraph-neo4j"].url, q.egovgraph.query)));
  const variants = [
    ["egovgraph-neo4j", "egovgraph", q.egovgraph],
    ["egovgraph-embedded", "egovgraph", q.egovgraph],
    ...Object.entries(q.peer).map(([name, v]) => ["peer", `peer ${name}`, v]),
  ];
  for (const [server, label, v] of variants) {
    const got = JSON.stringify(v.normalize(await ask(servers[server].url, v.query)));
    if (got !== want) {
      console.error(`${q.name}: ${label} on ${server} answers otherwise than egovgraph on Neo4j:\n got: ${got.slice(0, 800)}\nwant: ${want.slice(0, 800)}`);
      process.exit(1);
    }
    const body = join(dir, `${q.name}-${server}-${label.replace(/ /g, "-")}.json`);
    writeFileSync(body, JSON.stringify({ query: v.query }));
    runs.push({ query: q.name, server, label, body, size: got.length });
  }
  console.error(`${q.name}: every server answers alike (${want.length} bytes normalized)`);
}

writeFileSync(join(dir, "post.lua"), `wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open(os.getenv("BODY"), "r")
wrk.body = f:read("*a")
f:close()
`);

// cpu returns the CPU seconds pid has used, user and system.
function cpu(pid) {
  if (!pid) return NaN;
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}
function rssMiB(pid) {
  if (!pid) return NaN;
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
  return Number(m[1]) / 1024;
}
// ms reads a latency as wrk prints it ("812.00us", "3.41ms", "1.20s", "1.05m").
function ms(s) {
  const m = s?.match(/^([\d.]+)(us|ms|s|m|h)$/);
  return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2]] : NaN;
}

const results = {};
for (let round = 1; round <= rounds; round++) {
  for (const q of queries) {
    for (const r of runs.filter((r) => r.query === q.name)) {
      const pid = servers[r.server].pid;
      const c0 = cpu(pid), n0 = cpu(neo4jPid);
      const out = execFileSync("wrk", ["-t1", `-c${connections}`, `-d${duration}`, "-s", join(dir, "post.lua"), "--latency", servers[r.server].url],
        { env: { ...process.env, BODY: r.body }, encoding: "utf8" });
      const c1 = cpu(pid), n1 = cpu(neo4jPid);
      const requests = Number(out.match(/(\d+) requests in/)[1]);
      if (process.env.VERBOSE) console.error(out);
      const errors = out.match(/Non-2xx or 3xx responses: (\d+)/);
      const key = `${r.query}\t${r.label}\t${r.server}`;
      (results[key] ??= []).push({
        rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]),
        p50: ms(out.match(/50%\s+(\S+)/)?.[1]),
        p99: ms(out.match(/99%\s+(\S+)/)?.[1]),
        cpu: ((c1 - c0) * 1000) / requests,
        neo4jCpu: r.server === "egovgraph-embedded" ? 0 : ((n1 - n0) * 1000) / requests,
        rss: rssMiB(pid),
        errors: errors ? Number(errors[1]) : 0,
      });
      console.error(`round ${round}: ${r.query}, ${r.label} on ${r.server}: ${results[key].at(-1).rps} req/s`);
    }
  }
}

// The table: the median round of each, and the ratios of egovgraph's requests/s to the
// peer's (each variant), per store.
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const row = (key) => {
  const rs = results[key];
  return Object.fromEntries(["rps", "p50", "p99", "cpu", "neo4jCpu", "rss", "errors"].map((k) => [k, median(rs.map((r) => r[k]))]));
};
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–");
console.log(`| query | server | req/s | p50 ms | p99 ms | CPU ms/req (server) | CPU ms/req (Neo4j) | RSS MiB | non-2xx |`);
console.log(`|---|---|---:|---:|---:|---:|---:|---:|---:|`);
for (const key of Object.keys(results)) {
  const [query, label, server] = key.split("\t");
  const r = row(key);
  const who = label === "egovgraph" ? `egovgraph on ${server === "egovgraph-neo4j" ? "Neo4j" : "the embedded store"}` : `${label} (Apollo, Neo4j)`;
  console.log(`| ${query} | ${who} | ${f(r.rps, 0)} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.cpu, 2)} | ${f(r.neo4jCpu, 2)} | ${f(r.rss, 0)} | ${r.errors} |`);
}
console.log();
console.log(`| query | peer variant | egovgraph on Neo4j ÷ peer (req/s) | egovgraph embedded ÷ peer | p99: Neo4j / embedded / peer (ms) |`);
console.log(`|---|---|---:|---:|---:|`);
for (const q of queries) {
  const neo = row(`${q.name}\tegovgraph\tegovgraph-neo4j`);
  const emb = row(`${q.name}\tegovgraph\tegovgraph-embedded`);
  for (const name of Object.keys(q.peer)) {
    const p = row(`${q.name}\tpeer ${name}\tpeer`);
    console.log(`| ${q.name} | ${name} | ${f(neo.rps / p.rps, 2)} | ${f(emb.rps / p.rps, 2)} | ${f(neo.p99)} / ${f(emb.p99)} / ${f(p.p99)} |`);
  }
}
