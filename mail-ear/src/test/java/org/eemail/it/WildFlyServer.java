// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * WildFly from {@code org.wildfly:wildfly-dist} with its default {@code standalone.xml}, run by
 * {@code standalone.sh} with {@code -Djboss.socket.binding.port-offset} and every listener on
 * 127.0.0.1. Its server folder is a fresh copy of the distribution's configuration
 * ({@code jboss.server.base.dir}), so settings and deployments of an earlier run are gone. The
 * script hands its JVM's process id to {@code JBOSS_PIDFILE}: killing the script alone would
 * leave the JVM running (platform.md).
 */
final class WildFlyServer extends AppServer {

    /** The default ports of standalone.xml that the offset moves. */
    private static final List<Integer> DEFAULT_PORTS = List.of(4712, 4713, 8009, 8080, 8443, 9990, 9993);
    private static final int START_SECONDS = 300;
    /** The deployment's name: the archive's file name. */
    private static final String ARCHIVE = "mail.ear";
    /** The EJB subsystem of standalone.xml names no adapter for message-driven beans. */
    static final String MDB_ADAPTER = "/subsystem=ejb3:write-attribute(name=default-resource-adapter-name,value=mail.ear#mail-ra.rar)";

    private final Path home = Path.of(System.getProperty("it.wildfly.home"));
    private final Path base = work.resolve("standalone");
    private final Path pidFile = work.resolve("wildfly.pid");
    private Process script;
    private int offset;

    WildFlyServer() {
        super("wildfly");
    }

    @Override
    String title() {
        return "WildFly";
    }

    @Override
    void launch() throws Exception {
        offset = freeBlock(22_000, DEFAULT_PORTS);
        Files.createDirectories(base);
        copyRecursively(home.resolve("standalone").resolve("configuration"), base.resolve("configuration"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
        script = builder.redirectErrorStream(true).redirectOutput(work.resolve("console.log").toFile()).start();
        awaitStarted();
        cli("--command=" + MDB_ADAPTER);
    }

    /** {@code /system-property=NAME:add(value="VALUE")} for each, kept in standalone.xml, from one CLI file. */
    @Override
    void setSystemProperties(Map<String, String> properties) throws Exception {
        String script = properties.entrySet().stream()
                .map(property -> "/system-property=" + property.getKey() + ":add(value=\""
                        + property.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\")")
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = work.resolve("mail-properties.cli");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        cli("--file=" + file);
    }

    @Override
    void deploy(Path archive) throws Exception {
        cli("--command=deploy " + archive);
    }

    @Override
    void undeploy() throws Exception {
        cli("--command=undeploy " + ARCHIVE);
    }

    @Override
    void shutdown() throws Exception {
        cli("--command=:shutdown");
        if (script != null && !script.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("WildFly still running 60 s after :shutdown");
        }
    }

    /** The JVM, once the script has written its id; the script (whose child it is) before that. */
    @Override
    Optional<ProcessHandle> serverProcess() {
        Optional<ProcessHandle> jvm = processFromPidFile(pidFile, base.toString());
        if (jvm.isPresent()) {
            return jvm;
        }
        return script != null && script.isAlive() ? Optional.of(script.toHandle()) : Optional.empty();
    }

    @Override
    URI http() {
        return URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
    }

    @Override
    Path log() {
        return base.resolve("log").resolve("server.log");
    }

    /** Waits for WildFly's "started" line (WFLYSRV0025, or 0026 with failed services). */
    private void awaitStarted() throws IOException, InterruptedException {
        Path console = work.resolve("console.log");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < end) {
            if (!script.isAlive()) {
                throw new AssertionError("WildFly stopped with status " + script.exitValue() + ":\n" + Files.readString(console));
            }
            String text = Files.readString(console, StandardCharsets.UTF_8);
            if (text.contains("WFLYSRV0025") || text.contains("WFLYSRV0026")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("WildFly not started after " + START_SECONDS + " s:\n" + Files.readString(console));
    }

    private void cli(String operation) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("jboss-cli.sh").toString(), "--connect",
                "--controller=remote+http://127.0.0.1:" + (9990 + offset), operation));
        tool(command);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }
}
