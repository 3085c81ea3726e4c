package org.egovgraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Server runs an embedded Neo4j Community server that speaks Bolt on 127.0.0.1 only, for tests
 * and local use. Usage: {@code Server [--port N] [--home DIR] [--test-marker]}; the port
 * defaults to NEO4J_BOLT_PORT or 7687, the home directory (where Neo4j keeps data/ and logs/)
 * to .neo4j/data. User neo4j gets the password NEO4J_PASSWORD (default "egovgraph", at least
 * 8 characters) on every start. With --test-marker the default database gets the node
 * (:EgovgraphTestServer): the Go tests wipe only a database that holds it, and only
 * scripts/test.sh starts a server with it. SIGTERM shuts the server down cleanly.
 */
public final class Server {
    /** DEFAULT_PASSWORD is the password of user neo4j when NEO4J_PASSWORD is not set. */
    static final String DEFAULT_PASSWORD = "egovgraph";

    /** MARKER is the label of the node that says the server is a scratch server for tests. */
    static final String MARKER = "EgovgraphTestServer";

    private Server() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        Path home = Path.of(".neo4j", "data");
        boolean marker = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--home" -> home = Path.of(require(args[i], value));
                case "--test-marker" -> {
                    marker = true;
                    continue;
                }
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        String password = env("NEO4J_PASSWORD", DEFAULT_PASSWORD);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Tests try wrong passwords on purpose; on a loopback-only server a lock-out
                // after three of them would only fail the tests that follow.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                // A scratch server: keep only the newest transaction log, not two days of them.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // Stopping waited twice 5 s for idle Bolt connections and event loops.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j: shutting down");
            dbms.shutdown();
            System.out.println("neo4j: stopped");
            stopped.countDown();
        }));

        setPassword(dbms, password);
        if (marker) {
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(
                    "MERGE (:" + MARKER + " {key: 'marker'})");
        }
        System.out.printf("neo4j: bolt ready at bolt://127.0.0.1:%d (home %s)%n", port, home.toAbsolutePath());
        stopped.await();
    }

    // setPassword makes password the password of user neo4j, so that a changed NEO4J_PASSWORD
    // takes effect on the next start without wiping the data.
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to set the password the user already has; that is the goal anyway.
            if (!e.getMessage().contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String require(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("neo4j: " + problem);
        System.err.println("usage: Server [--port N] [--home DIR] [--test-marker]");
        System.exit(2);
    }
}
