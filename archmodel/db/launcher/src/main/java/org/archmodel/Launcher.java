package org.archmodel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs a persistent Neo4j 5.26 server with Bolt, for `archmodel db start`.
 *
 * The Neo4j server tarball is not published on Maven Central, so this embeds the same
 * database management service the server uses. Usage:
 *
 *   Launcher HOME CONFIG_FILE PASSWORD_FILE
 *
 * CONFIG_FILE is a neo4j.conf written by the Python side, which owns the configuration. The
 * password is read
 * from a file (never from the command line, which other users can see in `ps`) and applied to the
 * `neo4j` user on every start. When the service answers a probe query the launcher prints a line
 * starting with READY and blocks until SIGTERM, when a shutdown hook stops the service cleanly.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME CONFIG_FILE PASSWORD_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(Path.of(args[1]))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            System.out.flush();
            service.shutdown();
            stopped.countDown();
        }, "archmodel-shutdown"));

        try {
            setPassword(service.database("system"), password);
            service.database("neo4j").executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("READY");
        System.out.flush();
        stopped.await();
    }

    /** Apply the password file to the `neo4j` user; a restart with the same password is fine. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}
