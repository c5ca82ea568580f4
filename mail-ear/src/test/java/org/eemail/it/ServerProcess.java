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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another mail server beside the one Arquillian runs, as its own process:
 * {@code java -jar mail-server.jar --systemproperties FILE}, for what one deployment cannot show
 * (a setting that changes all outbound mail, two servers on one database, a cluster).
 *
 * <p>Its properties are this execution's ({@code it-h2.properties} or {@code it-postgresql.properties}:
 * the same DNS server, remote port and short retry timings, and on PostgreSQL the same database)
 * with its own ports, data directory and the changes a test gives. The build reserves its ports as
 * {@code it.NAME.http.port}, {@code it.NAME.smtp.port} and {@code it.NAME.submission.port}; SMTPS,
 * POP3 and POP3S are off. It is stopped by its process id, and its log stays in
 * {@code target/it-data/NAME-DATABASE/server.log}.
 */
final class ServerProcess implements AutoCloseable {

    private static final int START_SECONDS = 300;
    private static final int STOP_SECONDS = 60;

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
        Path dataDir = Path.of(System.getProperty("it.data.dir"), name + "-" + System.getProperty("it.database"));
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Properties properties = executionProperties();
        properties.setProperty("mail.data.dir", dataDir.toString());
        properties.setProperty("mail.smtp.port", String.valueOf(port(name, "smtp")));
        properties.setProperty("mail.submission.port", String.valueOf(port(name, "submission")));
        for (String off : List.of("smtps", "pop3", "pop3s")) {
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

    private static int port(String name, String listener) {
        Integer port = Integer.getInteger("it." + name + "." + listener + ".port");
        if (port == null) {
            throw new IllegalStateException("no port it." + name + "." + listener + ".port: reserve it in mail-ear/pom.xml");
        }
        return port;
    }

    /** The port of {@code listener}: http, smtp or submission. */
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
