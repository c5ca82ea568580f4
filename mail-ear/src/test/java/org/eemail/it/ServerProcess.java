// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Another mail server beside the one Arquillian runs, as its own process:
 * {@code java -jar mail-server.jar --systemproperties FILE}, for what one deployment cannot show
 * (a setting that changes all outbound mail, a cluster of servers on one database).
 *
 * <p>Its properties are this execution's ({@code it-h2.properties} or {@code it-postgresql.properties}:
 * the same DNS server, remote port and short retry timings, and on PostgreSQL the same database)
 * with its own ports, data directory and the changes a test gives. The build reserves its ports as
 * {@code it.NAME.http.port}, {@code it.NAME.smtp.port} and {@code it.NAME.submission.port}, and
 * {@code it.NAME.pop3.port} for a server that serves POP3 (otherwise off, as SMTPS and POP3S are
 * always). It is stopped by its process id, and its log stays in
 * {@code target/it-data/NAME-DATABASE/server.log}.
 *
 * <p>{@link #startCluster} starts several as the members of one Payara Micro (Hazelcast) cluster
 * over loopback, each on its reserved {@code it.NAME.hazelcast.port}.
 */
final class ServerProcess implements AutoCloseable {

    /** Generous: on a machine busy with other builds a start has taken over 5 minutes. */
    private static final int START_SECONDS = 600;
    private static final int STOP_SECONDS = 60;
    /** What Payara Micro logs whenever the data grid (the Hazelcast cluster) changes: its member count. */
    private static final Pattern GRID_SIZE = Pattern.compile("Payara Data Grid State: .* DG Size: (\\d+)");

    private final String name;
    private final Process process;
    private final Path log;
    /** Ends the process if the test JVM ends without closing it, so no server is left holding its ports. */
    private final Thread orphanGuard;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.orphanGuard = new Thread(process::destroyForcibly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    /**
     * Starts the server and waits until its administration API answers.
     *
     * @param name       names its reserved ports and its data directory, emptied first
     * @param changes    properties that replace or add to this execution's
     * @param jvmOptions such as {@code -Djavax.net.ssl.trustStore=...}
     */
    static ServerProcess start(String name, Map<String, String> changes, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return start(name, changes, jvmOptions, List.of());
    }

    /**
     * Starts the members of one cluster at once (each start takes about 25 s) and waits until
     * every one counts all of them in its data grid. Clustering is off in {@code mail-server.jar}
     * (built with {@code --nocluster}): {@code payaramicro.noCluster=false} among a member's
     * system properties turns it on, and the options name the members' Hazelcast ports on
     * loopback. The members share the directory {@code target/it-data/CLUSTER-DATABASE} as
     * {@code mail.data.dir} (certificate, APOP key), as instances on one machine may.
     *
     * @param members each member's name and the properties only it has (its changes win over
     *                {@code changes})
     * @param changes the properties every member has
     */
    static List<ServerProcess> startCluster(String cluster, Map<String, Map<String, String>> members,
                                            Map<String, String> changes) throws Exception {
        Path shared = dataDirectory(cluster);
        deleteRecursively(shared);
        Files.createDirectories(shared);
        String addresses = members.keySet().stream().map(name -> "127.0.0.1:" + port(name, "hazelcast"))
                .collect(Collectors.joining(","));
        ExecutorService starting = Executors.newFixedThreadPool(members.size());
        List<Future<ServerProcess>> started = new ArrayList<>();
        try {
            for (Map.Entry<String, Map<String, String>> member : members.entrySet()) {
                Map<String, String> properties = new HashMap<>(changes);
                properties.put("mail.data.dir", shared.toString());
                properties.put("payaramicro.noCluster", "false");
                properties.putAll(member.getValue());
                List<String> microOptions = List.of("--clustername", cluster, "--clustermode", "tcpip:" + addresses,
                        "--startport", String.valueOf(port(member.getKey(), "hazelcast")), "--interfaces", "127.0.0.1");
                started.add(starting.submit(() -> start(member.getKey(), properties, List.of(), microOptions)));
            }
            List<ServerProcess> servers = new ArrayList<>();
            Exception failure = null;
            for (Future<ServerProcess> server : started) {
                try {
                    servers.add(server.get());
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            if (failure != null) {
                for (ServerProcess server : servers) {
                    server.close();
                }
                throw failure;
            }
            for (ServerProcess server : servers) {
                server.awaitGridSize(members.size(), START_SECONDS);
            }
            return servers;
        } finally {
            starting.shutdown();
        }
    }

    private static ServerProcess start(String name, Map<String, String> changes, List<String> jvmOptions,
                                       List<String> microOptions) throws IOException, InterruptedException {
        Path dataDir = dataDirectory(name);
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Properties properties = executionProperties();
        properties.setProperty("mail.data.dir", dataDir.toString());
        properties.setProperty("mail.smtp.port", String.valueOf(port(name, "smtp")));
        properties.setProperty("mail.submission.port", String.valueOf(port(name, "submission")));
        properties.setProperty("mail.pop3.port", String.valueOf(reserved(name, "pop3").orElse(0)));
        for (String off : List.of("smtps", "pop3s")) {
            properties.setProperty("mail." + off + ".port", "0");
        }
        properties.putAll(changes);
        Path file = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "ServerProcess " + name);
        }

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("it.server.jar"), "--port", String.valueOf(port(name, "http")),
                "--systemproperties", file.toString()));
        command.addAll(microOptions);
        Path log = dataDir.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(name, process, log);
        try {
            server.awaitReady();
        } catch (RuntimeException | Error | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * On PostgreSQL, a fresh database of its own ({@code mail.db.url} to add to the changes) for a
     * server that must not share the queue of the one Arquillian runs; on H2 its data directory
     * holds its own database already.
     */
    static Map<String, String> ownDatabase(String name) throws IOException, SQLException {
        if (!Server.onPostgresql()) {
            return Map.of();
        }
        Properties shared = executionProperties();
        String url = shared.getProperty("mail.db.url") + "_" + name;
        CreatePostgresDatabase.main(new String[] {url, shared.getProperty("mail.db.user"), shared.getProperty("mail.db.password", "")});
        return Map.of("mail.db.url", url);
    }

    /** The properties the build wrote for the Arquillian server of this execution. */
    static Properties executionProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ServerProcess.class.getResourceAsStream("/it-" + System.getProperty("it.database") + ".properties")) {
            properties.load(in);
        }
        return properties;
    }

    private static Path dataDirectory(String name) {
        return Path.of(System.getProperty("it.data.dir"), name + "-" + System.getProperty("it.database"));
    }

    private static int port(String name, String listener) {
        return reserved(name, listener).orElseThrow(() -> new IllegalStateException(
                "no port it." + name + "." + listener + ".port: reserve it in mail-ear/pom.xml"));
    }

    private static Optional<Integer> reserved(String name, String listener) {
        return Optional.ofNullable(Integer.getInteger("it." + name + "." + listener + ".port"));
    }

    /** The port of {@code listener}: http, smtp, submission, pop3 or hazelcast. */
    int port(String listener) {
        return port(name, listener);
    }

    URI http() {
        return URI.create("http://127.0.0.1:" + port("http") + "/");
    }

    AdminClient admin() {
        return AdminClient.asAdmin(http());
    }

    long pid() {
        return process.pid();
    }

    /** What the server wrote to its standard output and error so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    /** The members of its data grid as it last reported them, 0 before the first report. */
    int gridSize() throws IOException {
        Matcher report = GRID_SIZE.matcher(log());
        int size = 0;
        while (report.find()) {
            size = Integer.parseInt(report.group(1));
        }
        return size;
    }

    /** Waits until its data grid has {@code members} members, as it reports them. */
    void awaitGridSize(int members, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (gridSize() != members && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        if (gridSize() != members) {
            throw new AssertionError("server " + name + " reports a data grid of " + gridSize() + " members, not "
                    + members + ", after " + seconds + " s:\n" + log());
        }
    }

    /** Ends the process at once with SIGKILL, as a crash would: nothing of it runs any more. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Its SMTP listener takes connections and its administration API answers (the WAR deploys last). */
    private void awaitReady() throws IOException, InterruptedException {
        AdminClient admin = admin();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("server " + name + " stopped with status " + process.exitValue() + ":\n" + log());
            }
            try (Socket smtp = new Socket(Server.LOOPBACK, port("smtp"))) {
                if (admin.get("/api/v1/domains").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server " + name + " not ready after " + START_SECONDS + " s:\n" + log());
    }

    /** Stops the process as an operator would (SIGTERM), killing it if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(orphanGuard);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
