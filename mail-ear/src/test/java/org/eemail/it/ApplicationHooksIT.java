// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eemail.it.hooks.BrokenPolicy;
import org.eemail.it.hooks.FailingConsumer;
import org.eemail.it.hooks.HaltingConsumer;
import org.eemail.it.hooks.HookLog;
import org.eemail.it.hooks.RecordingConsumer;
import org.eemail.it.hooks.RollbackOnceConsumer;
import org.eemail.it.hooks.SlowPolicy;
import org.eemail.ra.transcript.SocketConnection;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications react to incoming mail: the real {@code java -jar mail-server.jar --deploy echo.war
 * --deploy hooks-it.war}, as the README shows it, on the embedded H2 database. hooks-it.war holds
 * the test beans of {@code org.eemail.it.hooks}; echo.war is the example of {@code examples/echo}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationHooksIT {

    private static final String DOMAIN = "hooks.test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static Process server;
    private static Path log;

    @BeforeAll
    static void startServerWithApplications() throws Exception {
        log = dataDir.resolve("hooks.log");
        start();
        AdminClient admin = AdminClient.asAdmin();
        assertEquals(201, admin.post("/api/v1/domains", "{\"name\":\"" + DOMAIN + "\"}").status());
        for (String user : List.of("alice", "slow", "broken")) {
            assertEquals(201, admin.post("/api/v1/accounts",
                    "{\"address\":\"" + user + "@" + DOMAIN + "\",\"password\":\"hooks pw 1\"}").status());
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private static Path testApplication() {
        File war = dataDir.resolve("hooks-it.war").toFile();
        ShrinkWrap.create(WebArchive.class, "hooks-it.war")
                .addClasses(HookLog.class, RecordingConsumer.class, RollbackOnceConsumer.class, HaltingConsumer.class,
                        FailingConsumer.class, SlowPolicy.class, BrokenPolicy.class)
                .as(ZipExporter.class).exportTo(war, true);
        return war.toPath();
    }

    /** Starts the server with both applications and waits until every test bean is active. */
    private static void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmail.data.dir=" + dataDir, "-Dmail.bind-address=127.0.0.1", "-Dmail.hostname=mx.test",
                "-Dmail.admin.password=" + Server.ADMIN_PASSWORD, "-Dit.hooks.log=" + log,
                "-Decho.smtp.port=" + Server.port("smtp")));
        for (String listener : List.of("smtp", "submission", "smtps", "pop3", "pop3s")) {
            command.add("-Dmail." + listener + ".port=" + Server.port(listener));
        }
        command.addAll(List.of("-jar", System.getProperty("it.server.jar"), "--port", String.valueOf(Server.port("http")),
                "--nocluster", "--deploy", Path.of(System.getProperty("it.micro.dir"), "echo.war").toString(),
                "--deploy", testApplication().toString()));
        Path output = dataDir.resolve("server-" + System.nanoTime() + ".log");
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!ready(output)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the server did not start: " + Files.readString(output, StandardCharsets.UTF_8));
            }
            Thread.sleep(500);
        }
    }

    /** All four test consumers and the three policies are active, and the REST API answers. */
    private static boolean ready(Path output) throws Exception {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        long consumers = text.lines().filter(l -> l.contains("Mail consumer it-")).count();
        long policies = text.lines().filter(l -> l.contains("Mail policy")).count();
        if (consumers < 4 || policies < 3) {
            return false;
        }
        try {
            return AdminClient.asAdmin().get("/api/v1/domains").status() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Sends one message over SMTP, as a client on the network would; returns the 250 line. */
    private static String send(String sender, String recipient, String subject) throws IOException {
        try (SocketConnection smtp = new SocketConnection(Server.connect("smtp"))) {
            assertTrue(smtp.readLine().startsWith("220 "));
            smtp.send("HELO client.test");
            assertTrue(smtp.readLine().startsWith("250 "));
            smtp.send("MAIL FROM:<" + sender + ">");
            assertTrue(smtp.readLine().startsWith("250 "));
            smtp.send("RCPT TO:<" + recipient + ">");
            String rcpt = smtp.readLine();
            assertTrue(rcpt.startsWith("250 "), rcpt);
            smtp.send("DATA");
            assertTrue(smtp.readLine().startsWith("354 "));
            smtp.send("Subject: " + subject);
            smtp.send("Message-ID: <" + UUID.randomUUID() + "@client.test>");
            smtp.send("");
            smtp.send("Body of " + subject);
            smtp.send(".");
            String accepted = smtp.readLine();
            assertTrue(accepted.startsWith("250 "), accepted);
            smtp.send("QUIT");
            smtp.readLine();
            return accepted;
        }
    }

    /** The first line of the test beans' log that {@code wanted} accepts, waiting up to {@link #WAIT}. */
    private static String awaitLine(Predicate<String> wanted) throws Exception {
        return awaitLine(wanted, WAIT);
    }

    private static String awaitLine(Predicate<String> wanted, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = lines().stream().filter(wanted).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such line within " + wait + " in: " + lines());
    }

    private static List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    @Order(1)
    void aConsumerGetsAMessageSentOverSmtpRightAway() throws Exception {
        String subject = "order-" + UUID.randomUUID();
        send("buyer@shop.test", "record@" + DOMAIN, subject);
        long answered = System.currentTimeMillis();
        String line = awaitLine(l -> l.startsWith("record ") && l.contains(subject));
        long called = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        // A measurement, not a limit: the speed of a loaded machine is no test result.
        System.out.println("ApplicationHooksIT: consumer called " + (called - answered) + " ms after the 250");
    }

    @Test
    @Order(2)
    void aRollbackWithoutAnExceptionIsDeliveredAgain() throws Exception {
        send("buyer@shop.test", "rollback@" + DOMAIN, "rollback");
        String first = awaitLine(l -> l.startsWith("rollback-first "));
        String id = first.split(" ")[1];
        awaitLine(l -> l.startsWith("rollback-again " + id + " "));
        // the consumer logs before it returns; DONE is committed after
        JsonObject done = awaitDispatch("DONE", "it-rollback");
        assertEquals(2, done.getInt("attempts"), done.toString());
    }

    @Test
    @Order(3)
    void aConsumerThatKeepsFailingIsParkedVisiblyAndCanBeRetried() throws Exception {
        send("buyer@shop.test", "fail@" + DOMAIN, "failing");
        awaitLine(l -> l.startsWith("fail "));
        JsonObject parked = awaitDispatch("PARKED", "it-fail");
        assertTrue(parked.getString("lastError").contains("the order system is down"), parked.toString());
        AdminClient.Reply retried = AdminClient.asAdmin().post("/api/v1/dispatches/" + parked.getInt("id") + "/retry", "");
        assertEquals(200, retried.status(), retried.toString());
        assertEquals("PENDING", retried.object().getString("state"));
        assertEquals(409, AdminClient.asAdmin().post("/api/v1/dispatches/" + parked.getInt("id") + "/retry", "").status());
    }

    @Test
    @Order(4)
    void policiesAnswerAtRcptWithTheirOwnReplyAndNeverBreakTheSession() throws Exception {
        try (SocketConnection smtp = new SocketConnection(Server.connect("smtp"))) {
            assertTrue(smtp.readLine().startsWith("220 "));
            smtp.send("HELO client.test");
            assertTrue(smtp.readLine().startsWith("250 "));
            smtp.send("MAIL FROM:<spammer@blocked.example>");
            assertTrue(smtp.readLine().startsWith("250 "));
            smtp.send("RCPT TO:<alice@" + DOMAIN + ">");
            assertEquals("550 5.7.1 Sender address blocked by policy", smtp.readLine(), "the example's policy, exactly");
            smtp.send("RSET");
            assertTrue(smtp.readLine().startsWith("250 "));
            smtp.send("MAIL FROM:<buyer@shop.test>");
            assertTrue(smtp.readLine().startsWith("250 "));
            long asked = System.nanoTime();
            smtp.send("RCPT TO:<slow@" + DOMAIN + ">");
            assertEquals("451 4.3.0 Temporary failure, try again later", smtp.readLine());
            System.out.println("ApplicationHooksIT: the slow policy (budget 500 ms, takes 3 s) was answered after "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked) + " ms");
            smtp.send("RCPT TO:<broken@" + DOMAIN + ">");
            assertEquals("451 4.3.0 Temporary failure, try again later", smtp.readLine());
            smtp.send("NOOP");
            assertTrue(smtp.readLine().startsWith("250 "));
            smtp.send("RCPT TO:<alice@" + DOMAIN + ">");
            assertTrue(smtp.readLine().startsWith("250 "));
            smtp.send("DATA");
            assertTrue(smtp.readLine().startsWith("354 "));
            smtp.send("Subject: after the policies");
            smtp.send("");
            smtp.send(".");
            String accepted = smtp.readLine();
            assertTrue(accepted.startsWith("250 "), accepted);
        }
    }

    @Test
    @Order(5)
    void theEchoExampleAnswersWithAnAutoReply() throws Exception {
        send("alice@" + DOMAIN, "echo@" + DOMAIN, "ping");
        String reply = awaitMailbox("alice@" + DOMAIN, text -> text.contains("Subject: Auto: ping"));
        assertTrue(reply.contains("Auto-Submitted: auto-replied"), reply);
        assertTrue(reply.contains("Return-Path: <>"), reply);
        assertTrue(reply.contains("In-Reply-To: <"), reply);
    }

    @Test
    @Order(6)
    void aRestartBetweenAcceptanceAndConsumptionStillDelivers() throws Exception {
        send("buyer@shop.test", "halt@" + DOMAIN, "crash");
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the consumer stopped the server");
        assertEquals(3, server.exitValue());
        String id = awaitLine(l -> l.startsWith("halting ")).split(" ")[1];
        Server.awaitClosed("smtp");
        start();
        // The halted server had claimed the dispatch: it is due again when that claim runs out,
        // 2 minutes after it was taken (ConsumerDispatcher.CLAIM), however fast the restart was.
        awaitLine(l -> l.startsWith("after-restart " + id + " "), Duration.ofMinutes(3));
    }

    private static JsonObject dispatch(String state, String consumer) throws Exception {
        AdminClient.Reply reply = AdminClient.asAdmin().get("/api/v1/dispatches?state=" + state);
        assertEquals(200, reply.status(), reply.toString());
        return jakarta.json.Json.createReader(new java.io.StringReader(reply.body())).readArray().stream()
                .map(v -> v.asJsonObject()).filter(o -> o.getString("consumer").equals(consumer)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + state + " dispatch of " + consumer + ": " + reply.body()));
    }

    private static JsonObject awaitDispatch(String state, String consumer) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return dispatch(state, consumer);
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String awaitMailbox(String account, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            AdminClient.Reply list = AdminClient.asAdmin().get("/api/v1/accounts/" + account + "/messages");
            for (var message : jakarta.json.Json.createReader(new java.io.StringReader(list.body())).readArray()) {
                String text = AdminClient.asAdmin().get("/api/v1/accounts/" + account + "/messages/"
                        + message.asJsonObject().getInt("id"), "message/rfc822").body();
                if (wanted.test(text)) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such message in the mailbox of " + account + " within " + WAIT);
    }
}
