// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eemail.ejb.outbound.TestSmtpPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that sends all foreign mail through a smart host: {@code mail.relay.host} a peer on
 * loopback that offers STARTTLS and AUTH PLAIN and refuses mail without a login,
 * {@code mail.relay.username}/{@code password}, {@code mail.relay.tls=required} with a
 * certificate for {@code localhost} that the server's JVM trusts ({@code javax.net.ssl.trustStore}).
 * The setting takes every foreign message, so the server is a process of its own
 * ({@link ServerProcess}) with its own database; its queue lifetime is 20 s, so a message the
 * smart host keeps refusing with 4xx bounces as expired within the test.
 */
class SmartHostIT {

    private static final String USER = "relay-user";
    private static final String PASSWORD = "relay-pw";
    private static final char[] STORE_PASSWORD = "relay-store".toCharArray();
    private static final String REFUSAL = "451 4.7.1 Try again later";

    @TempDir
    static Path keys;
    private static SSLContext relayTls;
    private static TestSmtpPeer relay;
    private static ServerProcess server;
    private static final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path trustStore = relayCertificate();
        relay = new TestSmtpPeer("127.0.0.1", Integer.getInteger("it.relay.port")).tls(relayTls).auth(USER, PASSWORD)
                .rcptReply(recipient -> {
                    rcptAttempts.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                    return recipient.startsWith("expire") ? REFUSAL : "250 2.1.5 Ok";
                });
        Map<String, String> changes = new HashMap<>(ServerProcess.ownDatabase("smarthost"));
        changes.put("mail.relay.host", "localhost:" + relay.port());
        changes.put("mail.relay.username", USER);
        changes.put("mail.relay.password", PASSWORD);
        changes.put("mail.relay.tls", "required");
        changes.put("mail.queue.lifetime", "PT20S");
        server = ServerProcess.start("smarthost", changes, List.of("-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + new String(STORE_PASSWORD), "-Djavax.net.ssl.trustStoreType=PKCS12"));
        AdminClient admin = server.admin();
        created(admin.post("/api/v1/domains", "{\"name\":\"example.test\"}"));
        created(admin.post("/api/v1/accounts", "{\"address\":\"alice@example.test\",\"password\":\"alice-pw\"}"));
    }

    private static void created(AdminClient.Reply reply) {
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    /**
     * The smart host's key for {@code localhost} (made with the JDK's keytool), its TLS context,
     * and a trust store with its certificate for the server to verify it by.
     */
    private static Path relayCertificate() throws Exception {
        Path keyStore = keys.resolve("relay.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", new String(STORE_PASSWORD)).inheritIO().start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        KeyStore key = load(keyStore);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(key, STORE_PASSWORD);
        relayTls = SSLContext.getInstance("TLS");
        relayTls.init(keyManagers.getKeyManagers(), null, null);

        Certificate certificate = key.getCertificate("relay");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("relay", certificate);
        Path trustStore = keys.resolve("trusted.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, STORE_PASSWORD);
        }
        return trustStore;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
        return store;
    }

    private static void submit(String to, String subject) throws Exception {
        OutboundMail.submit(server.port("submission"), "alice@example.test", to, subject);
    }

    /** The index in {@link TestSmtpPeer#received()} of the message containing {@code marker}. */
    private static Optional<Integer> awaitAtRelay(String marker, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            List<TestSmtpPeer.Received> received = relay.received();
            for (int i = 0; i < received.size(); i++) {
                if (received.get(i).text().contains(marker)) {
                    return Optional.of(i);
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        return Optional.empty();
    }

    /** The server's log line of its first attempt for {@code recipient}: {@code to=<…> relay=… status=…}. */
    private static Optional<String> awaitAttemptLogged(String recipient, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            Optional<String> line = server.log().lines().filter(l -> l.contains("to=<" + recipient + "> relay=")).findFirst();
            if (line.isPresent()) {
                return line;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < end);
        return Optional.empty();
    }

    @Test
    void relayedOverTlsAfterAuthWithTheConfiguredCredentials() throws Exception {
        String subject = "smart host " + UUID.randomUUID();
        submit("bob@far.test", subject);
        int index = awaitAtRelay(subject, 60).orElseThrow(() -> new AssertionError("not relayed"));

        TestSmtpPeer.Received received = relay.received().get(index);
        assertTrue(relay.encrypted().get(index), "sent over TLS");
        assertEquals(List.of("RCPT TO:<bob@far.test>"), received.rcptTo());
        assertTrue(received.mailFrom().startsWith("MAIL FROM:<alice@example.test>"), received.mailFrom());
        // The peer refuses MAIL before a login with these credentials: the message came after AUTH.
        assertTrue(relay.authenticated().contains(USER), relay.authenticated().toString());
        assertEquals("EHLO mx.test", received.hello());
    }

    @Test
    void requiredTlsSendsNothingToASmartHostWithoutStartTls() throws Exception {
        String subject = "no starttls " + UUID.randomUUID();
        String recipient = "carol-" + UUID.randomUUID() + "@far.test";
        int logins = relay.authenticated().size();
        relay.tls(null);
        // The server keeps a connection open for 2 s after a delivery and reuses it: one made over
        // TLS before would still carry this message. Only a new connection meets the changed peer.
        Thread.sleep(3000);
        try {
            submit(recipient, subject);
            String attempt = awaitAttemptLogged(recipient, 60).orElseThrow(() -> new AssertionError("no attempt logged"));
            assertFalse(attempt.contains("status=250"), attempt);
            assertTrue(attempt.contains("status=-1 451 4.4.1 localhost [localhost]: STARTTLS is required but host does not support STARTTLS"),
                    "deferred, the message not offered: " + attempt);
            assertTrue(awaitAtRelay(subject, 0).isEmpty(), "nothing sent in clear text");
            assertEquals(logins, relay.authenticated().size(), "no password sent in clear text");
        } finally {
            relay.tls(relayTls);
        }
        int index = awaitAtRelay(subject, 60).orElseThrow(() -> new AssertionError("not sent once STARTTLS was offered again"));
        assertTrue(relay.encrypted().get(index), "sent over TLS");
    }

    @Test
    void aMessageStillRefusedWhenItsLifetimeEndsBouncesAsExpired() throws Exception {
        String subject = "expire " + UUID.randomUUID();
        String recipient = "expire-" + UUID.randomUUID() + "@far.test";
        submit(recipient, subject);
        String bounce = OutboundMail.awaitInMailbox(server.admin(), "alice@example.test", "Final-Recipient: rfc822; " + recipient, 120)
                .orElseThrow(() -> new AssertionError("no bounce after the 20 s lifetime"));

        String status = OutboundMail.deliveryStatus(bounce);
        assertTrue(status.contains("Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 4.4.7\r\n"), status);
        assertTrue(status.contains("Diagnostic-Code: smtp; " + REFUSAL), "the last reply: " + status);
        assertTrue(bounce.contains("Subject: " + subject), "the original is returned");
        assertTrue(rcptAttempts.get(recipient).get() > 1, "retried before it expired");
    }
}
