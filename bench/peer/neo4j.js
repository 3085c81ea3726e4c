// neo4j.js count|wipe: the number of releases in the Neo4j database, or wipe it, for
// run.sh. NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD.
import neo4j from "neo4j-driver";

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
);
try {
  const session = driver.session();
  if (process.argv[2] === "wipe") {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } else {
    const res = await session.run("MATCH (r:Release) RETURN count(r) AS n");
    console.log(res.records[0].get("n").toNumber());
  }
  await session.close();
} finally {
  await driver.close();
}
