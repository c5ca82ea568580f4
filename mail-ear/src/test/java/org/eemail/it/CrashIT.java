// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eemail.ra.transcript.SocketConnection;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server answered 250 survives {@code kill -9}: clients send while the Payara Micro
 * process is killed; after a restart every acknowledged message is in the mailbox, exactly once.
 * Also: many concurrent sessions, each message stored exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class CrashIT {

    private static final String SERVER = "server";
    private static final int SENDERS = 8;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = SERVER, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    /** Sends one message to bob with {@code subject}; empty when the server answered 250, else why not. */
    private static Optional<String> send(String subject) {
        try (Socket socket = Server.connect("smtp"); SocketConnection smtp = new SocketConnection(socket)) {
            smtp.readLine();
            OutputStream out = socket.getOutputStream();
            out.write(("EHLO crash.test\r\nMAIL FROM:<load@elsewhere.example>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String line;
            do {
                line = smtp.readLine();
                if (line == null || line.startsWith("4") || line.startsWith("5")) {
                    return Optional.of(String.valueOf(line));
                }
            } while (!line.startsWith("354"));
            out.write(("Subject: " + subject + "\r\n\r\nbody\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            String last = smtp.readLine();
            return last != null && last.startsWith("250 ") ? Optional.empty() : Optional.of(String.valueOf(last));
        } catch (IOException | AssertionError refusedOrCut) {
            return Optional.of(refusedOrCut.toString());
        }
    }

    /** The subjects of bob's messages that start with {@code marker}, with repetitions. */
    private static List<String> subjectsInMailbox(String marker) throws Exception {
        AdminClient admin = AdminClient.asAdmin();
        List<String> subjects = new ArrayList<>();
        for (JsonValue entry : admin.get("/api/v1/accounts/bob@example.test/messages").json().asJsonArray()) {
            String text = admin.get("/api/v1/accounts/bob@example.test/messages/"
                    + entry.asJsonObject().getJsonNumber("id").longValue(), "message/rfc822").body();
            int at = text.indexOf("Subject: " + marker);
            if (at >= 0) {
                subjects.add(text.substring(at + "Subject: ".length(), text.indexOf("\r\n", at)));
            }
        }
        return subjects;
    }

    @Test
    void acknowledgedMessagesSurviveKillNineAndConcurrentSessionsStoreEachMessageOnce() throws Exception {
        deployer.deploy(SERVER);
        MailFixture.ensure();

        String concurrent = "concurrent-" + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<Future<Optional<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String subject = concurrent + "-" + i;
            sent.add(clients.submit(() -> send(subject)));
        }
        List<String> refusals = new ArrayList<>();
        for (Future<Optional<String>> result : sent) {
            result.get().ifPresent(refusals::add);
        }
        assertEquals(List.of(), refusals, "every one of 200 concurrent sessions is accepted");
        List<String> stored = subjectsInMailbox(concurrent);
        assertEquals(200, stored.size(), "200 messages, each stored exactly once");
        assertEquals(200, new HashSet<>(stored).size());

        String crash = "crash-" + UUID.randomUUID();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.submit(() -> {
                for (int m = 0; m < 10_000; m++) {
                    String subject = crash + "-" + sender + "-" + m;
                    if (send(subject).isPresent()) {
                        return;
                    }
                    acknowledged.add(subject);
                }
            });
        }
        Thread.sleep(3000);
        ProcessHandle micro = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("--port " + Server.port("http")))
                .findFirst().orElseThrow(() -> new AssertionError("the Payara Micro process is not found"));
        micro.destroyForcibly();
        senders.shutdown();
        assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS));
        clients.shutdownNow();
        assertTrue(acknowledged.size() > 10, "messages were acknowledged before the kill: " + acknowledged.size());

        deployer.undeploy(SERVER);
        Server.awaitClosed("http");
        deployer.deploy(SERVER);
        try {
            List<String> survived = subjectsInMailbox(crash);
            assertTrue(survived.containsAll(acknowledged),
                    "lost after kill -9: " + acknowledged.stream().filter(s -> !survived.contains(s)).toList());
            assertEquals(survived.size(), new HashSet<>(survived).size(), "no message stored twice");
        } finally {
            deployer.undeploy(SERVER);
        }
    }
}
