// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration stops {@code java -jar mail-server.jar} with one clear line that names the
 * property and its value, and exit status 1: no server left running without its listeners or its
 * database, and no page of stack traces.
 */
class StartupFailureIT {

    @TempDir
    Path dataDir;

    private record Run(int exitStatus, String output) {
    }

    private Run start(String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Dmail.data.dir=" + dataDir);
        command.add("-Dmail.bind-address=127.0.0.1");
        for (String listener : List.of("smtp", "submission", "smtps", "pop3", "pop3s")) {
            command.add("-Dmail." + listener + ".port=" + Server.port(listener));
        }
        command.addAll(List.of(properties)); // later -D options win
        command.addAll(List.of("-jar", System.getProperty("it.server.jar"), "--port", String.valueOf(Server.port("http"))));
        Path log = dataDir.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the server did not stop by itself: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void assertStoppedWith(Run run, String line) {
        assertEquals(1, run.exitStatus(), run.output());
        assertTrue(run.output().contains(line), "expected '" + line + "' in:\n" + run.output());
        assertFalse(run.output().contains("\tat "), "no stack trace:\n" + run.output());
    }

    @Test
    void aPortOutOfRange() throws Exception {
        assertStoppedWith(start("-Dmail.smtp.port=70000"),
                "Cannot start: mail.smtp.port=70000: not a port number (1-65535, or 0 to switch the listener off)");
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket occupant = new ServerSocket(0, 1, Server.LOOPBACK)) {
            int port = occupant.getLocalPort();
            assertStoppedWith(start("-Dmail.pop3.port=" + port), "Cannot start: mail.pop3.port=" + port + ": cannot listen on");
        }
    }

    @Test
    void anUnreachableDatabase() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, Server.LOOPBACK)) {
            closedPort = probe.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/mail";
        assertStoppedWith(start("-Dmail.db.url=" + url, "-Dmail.db.user=mail"), "Cannot start: mail.db.url=" + url + ": ");
    }
}
