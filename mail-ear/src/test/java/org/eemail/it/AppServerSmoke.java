// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eemail.ejb.outbound.TestSmtpPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The unchanged {@code mail.ear} on a full application server, set up as README's "Deploying
 * mail.ear" says, on a PostgreSQL database of its own: the administration API, submission with
 * STARTTLS and AUTH, local delivery, POP3 retrieval, relaying through the queue to a smart host
 * on loopback, and an undeploy that frees every mail port. One subclass per server; the tests
 * run in order on one deployment, the undeploy last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AppServerSmoke {

    private static final int READY_SECONDS = 120;

    private AppServer server;
    private TestSmtpPeer smartHost;
    private AdminClient admin;

    abstract AppServer newServer();

    @BeforeAll
    void deploy() throws Exception {
        smartHost = new TestSmtpPeer("127.0.0.1", 0);
        server = newServer();
        String database = System.getProperty("it.smoke.postgres.url") + "_" + server.name;
        CreatePostgresDatabase.main(new String[] {database, System.getProperty("it.postgres.user"), System.getProperty("it.postgres.password", "")});

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mail.hostname", "mx.test");
        properties.put("mail.bind-address", "127.0.0.1");
        properties.putAll(server.mailPorts());
        properties.put("mail.data.dir", server.work.resolve("mail-data").toString());
        properties.put("mail.db.url", database);
        properties.put("mail.db.user", System.getProperty("it.postgres.user"));
        String password = System.getProperty("it.postgres.password", "");
        if (!password.isEmpty()) {
            properties.put("mail.db.password", password);
        }
        properties.put("mail.admin.password", Server.ADMIN_PASSWORD);
        properties.put("mail.relay.host", "127.0.0.1:" + smartHost.port());

        System.out.println(server.title() + ": log in " + server.log());
        long start = System.nanoTime();
        server.start();
        long started = System.nanoTime();
        server.setSystemProperties(properties);
        server.deploy(Path.of(System.getProperty("it.ear")));
        admin = AdminClient.asAdmin(server.http());
        awaitReady();
        System.out.printf("%s: started in %d s, configured and deployed in %d s%n", server.title(),
                TimeUnit.NANOSECONDS.toSeconds(started - start), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (server != null) {
                server.close();
                assertFalse(server.serverProcess().isPresent(), server.title() + " still running");
            }
        } finally {
            if (smartHost != null) {
                smartHost.close();
            }
        }
    }

    @Test
    @Order(1)
    void theAdministrationApiCreatesADomainAndAccounts() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.http().resolve("/api/v1/domains")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "no credentials, no access: " + anonymous.body());
        assertEquals(201, admin.post("/api/v1/domains", "{\"name\":\"example.test\"}").status());
        for (String user : List.of("alice", "bob")) {
            AdminClient.Reply created = admin.post("/api/v1/accounts",
                    "{\"address\":\"" + user + "@example.test\",\"password\":\"" + user + "-pw\"}");
            assertEquals(201, created.status(), created.toString());
        }
        List<String> domains = admin.get("/api/v1/domains").json().asJsonArray().stream()
                .map(domain -> domain.asJsonObject().getString("name")).toList();
        assertEquals(List.of("example.test"), domains);
    }

    @Test
    @Order(2)
    void submittedMailIsDeliveredLocallyAndRetrievedOverPop3() throws Exception {
        String subject = "local " + UUID.randomUUID();
        OutboundMail.submit(server.port("submission"), "alice@example.test", "bob@example.test", subject);

        JsonValue listed = admin.get("/api/v1/accounts/bob@example.test/messages").json();
        assertEquals(1, listed.asJsonArray().size(), "bob's mailbox: " + listed);

        Properties pop3 = new Properties();
        pop3.put("mail.pop3.host", "127.0.0.1");
        pop3.put("mail.pop3.port", String.valueOf(server.port("pop3")));
        pop3.put("mail.pop3.starttls.enable", "true");
        pop3.put("mail.pop3.starttls.required", "true");
        pop3.put("mail.pop3.ssl.trust", "*");
        pop3.put("mail.pop3.ssl.checkserveridentity", "false");
        Store store = Session.getInstance(pop3).getStore("pop3");
        store.connect("bob@example.test", "bob-pw");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertEquals(1, messages.length);
            assertEquals(subject, messages[0].getSubject());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            messages[0].writeTo(text);
            // ESMTPSA: received over TLS from an authenticated client (RFC 3848).
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("by mx.test with ESMTPSA id"), text.toString(StandardCharsets.UTF_8));
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    @Order(3)
    void foreignMailIsRelayedThroughTheQueueToTheSmartHost() throws Exception {
        String subject = "relay " + UUID.randomUUID();
        OutboundMail.submit(server.port("submission"), "alice@example.test", "carol@relay.test", subject);
        List<TestSmtpPeer.Received> received = smartHost.await(1, 60);
        assertEquals(1, received.size(), "relayed messages");
        assertEquals(List.of("RCPT TO:<carol@relay.test>"), received.get(0).rcptTo());
        assertTrue(received.get(0).mailFrom().startsWith("MAIL FROM:<alice@example.test>"), received.get(0).mailFrom());
        assertTrue(received.get(0).text().contains("Subject: " + subject), received.get(0).text());
    }

    @Test
    @Order(4)
    void undeployingFreesEveryMailPort() throws Exception {
        server.undeploy();
        for (String listener : AppServer.MAIL_LISTENERS) {
            int port = server.port(listener);
            try (ServerSocket rebound = new ServerSocket(port, 1, Server.LOOPBACK)) {
                assertEquals(port, rebound.getLocalPort());
            } catch (IOException stillBound) {
                throw new AssertionError(listener + " port " + port + " still taken after the undeploy", stillBound);
            }
        }
        assertEquals(404, admin.get("/api/v1/domains").status(), "the API is gone with the WAR");
    }

    /** The WAR answers and every mail listener takes connections (the adapter starts them on deploy). */
    private void awaitReady() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        AssertionError notYet = null;
        while (System.nanoTime() < end) {
            try {
                for (String listener : AppServer.MAIL_LISTENERS) {
                    new Socket(Server.LOOPBACK, server.port(listener)).close();
                }
                int status = admin.get("/api/v1/domains").status();
                if (status == 200) {
                    return;
                }
                notYet = new AssertionError("the API answers " + status);
            } catch (IOException e) {
                notYet = new AssertionError(e);
            }
            Thread.sleep(500);
        }
        throw new AssertionError(server.title() + " not ready " + READY_SECONDS + " s after the deploy; log "
                + server.log() + ":\n" + tail(server.log()), notYet);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
