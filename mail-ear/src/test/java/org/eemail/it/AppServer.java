// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A full application server from its distribution zip (the build unpacks it), driven the way
 * README's "Deploying mail.ear" tells an operator to: start it on ports of its own, set the
 * {@code mail.*} system properties, deploy {@code mail.ear}, undeploy, stop. Its tools (asadmin,
 * jboss-cli) run as child processes on the test JVM's Java.
 *
 * <p>However a test ends, the server's JVM ends with it: {@link #close()} stops it and then kills
 * its process tree by process id, and a shutdown hook does the same when the test JVM is
 * interrupted. A JVM left over by an earlier interrupted run is killed before a start.
 */
abstract class AppServer implements AutoCloseable {

    /** The mail listeners, as named in the {@code mail.NAME.port} properties. */
    static final List<String> MAIL_LISTENERS = List.of("smtp", "submission", "smtps", "pop3", "pop3s");

    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(10);

    final String name;
    final Path work;
    private final Thread killer;
    /** Numbers the output files of the tool runs, {@code tool-01.log} and on, in the work folder. */
    private int toolRuns;

    /**
     * @param name names the reserved ports ({@code it.NAME.smtp.port}, …) and the work folder
     *             {@code target/app-servers/NAME-work}
     */
    AppServer(String name) {
        this.name = name;
        this.work = Path.of(System.getProperty("it.app-servers.dir"), name + "-work");
        this.killer = new Thread(this::kill, "kill-" + name);
    }

    /** Starts the server on ports nothing else uses and waits until it takes commands. */
    final void start() throws Exception {
        kill();
        deleteRecursively(work);
        Files.createDirectories(work);
        Runtime.getRuntime().addShutdownHook(killer);
        launch();
    }

    abstract void launch() throws Exception;

    /** Sets server-wide system properties, as README does for the {@code mail.*} settings. */
    abstract void setSystemProperties(Map<String, String> properties) throws Exception;

    /** Deploys the archive and returns when the server reports it deployed. */
    abstract void deploy(Path archive) throws Exception;

    abstract void undeploy() throws Exception;

    /** Asks the server to shut down, with its own tool. */
    abstract void shutdown() throws Exception;

    /** The server's JVM, while it runs. */
    abstract Optional<ProcessHandle> serverProcess();

    /** The root of the server's HTTP listener, where mail.ear's WAR has its context root. */
    abstract URI http();

    /** The server's log file, for failure reports. */
    abstract Path log();

    /** A name for reports: "Payara Server", "WildFly". */
    abstract String title();

    /** The loopback port the build reserved for one of {@link #MAIL_LISTENERS}. */
    final int port(String listener) {
        Integer port = Integer.getInteger("it." + name + "." + listener + ".port");
        if (port == null) {
            throw new IllegalStateException("no port it." + name + "." + listener + ".port: reserve it in mail-ear/pom.xml");
        }
        return port;
    }

    /** {@code mail.smtp.port=...} and so on for every mail listener. */
    final Map<String, String> mailPorts() {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String listener : MAIL_LISTENERS) {
            ports.put("mail." + listener + ".port", String.valueOf(port(listener)));
        }
        return ports;
    }

    /** Stops the server politely, then kills whatever is left of it. */
    @Override
    public final void close() {
        try {
            if (serverProcess().isPresent()) {
                shutdown();
            }
        } catch (Exception | AssertionError e) {
            System.err.println(title() + " did not shut down by itself, killing it: " + e);
        } finally {
            kill();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
                // the hook runs now, or start() never added it
            }
        }
    }

    /** Kills the server's JVM and every process it started, and waits until they are gone. */
    final void kill() {
        serverProcess().ifPresent(server -> {
            List<ProcessHandle> tree = new ArrayList<>(server.descendants().toList());
            tree.add(server);
            tree.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : tree) {
                try {
                    process.onExit().get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.err.println("process " + process.pid() + " of " + title() + " still running: " + e);
                }
            }
        });
    }

    /**
     * The process whose id {@code pidFile} holds, if it still runs and is this server's: its
     * command line names {@code marker} (a folder under this build's target), so a reused id
     * never kills a stranger.
     */
    static Optional<ProcessHandle> processFromPidFile(Path pidFile, String marker) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().orElse("").contains(marker));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Runs a command-line tool of the server to its end and returns its output; a non-zero exit
     * fails the test with that output.
     */
    final String tool(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Path output = work.resolve(String.format("tool-%02d.log", ++toolRuns));
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end in " + TOOL_TIMEOUT + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed with status " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    /**
     * The first of some random candidates {@code base} (multiples of 100 from 10,000 up, below the
     * ephemeral range where the build reserves the mail ports) at which {@code base + offset} is
     * free for every offset given.
     */
    static int freeBlock(int highestBase, List<Integer> offsets) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(100, highestBase / 100) * 100;
            if (offsets.stream().allMatch(offset -> isFree(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports for offsets " + offsets);
    }

    /** Nothing listens on {@code port}, on any address (a loopback-only listener blocks this bind too). */
    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
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
