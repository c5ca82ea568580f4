// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eemail.ejb.outbound.TestDnsServer;
import org.eemail.ejb.outbound.TestSmtpPeer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail for other domains leaves the deployed server: routed by MX through a real DNS server in
 * this JVM ({@code mail.dns.servers} points at it), delivered to a real SMTP peer on 127.0.0.2
 * (remote servers listen on {@code mail.outbound.port} in the tests), retried after 4xx,
 * bounced into the sender's mailbox after 5xx, a null MX or a domain that does not exist, the
 * null sender's failure reported to the postmaster. The IT properties make retries come after
 * seconds instead of minutes.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {

    private static final String PEER = "127.0.0.2";
    private static TestDnsServer dns;
    private static TestSmtpPeer peer;
    private static final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();
    private final AdminClient admin = AdminClient.asAdmin();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    @BeforeAll
    static void network() throws Exception {
        MailFixture.ensure();
        dns = new TestDnsServer(Server.port("dns"));
        dns.mx("relay.test", 10, "mx.relay.test").a("mx.relay.test", PEER);
        dns.mx("failover.test", 10, "dead.failover.test").a("dead.failover.test", "127.0.0.3")
                .mx("failover.test", 20, "mx.failover.test").a("mx.failover.test", PEER);
        dns.nullMx("nullmx.test");
        peer = new TestSmtpPeer(PEER, Server.port("mx"));
        peer.rcptReply(recipient -> {
            int attempt = rcptAttempts.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
            if (recipient.startsWith("reject")) {
                return "550 5.1.1 No such user here";
            }
            if (recipient.startsWith("retry") && attempt == 1) {
                return "451 4.2.0 Greylisted, try again";
            }
            return "250 2.1.5 Ok";
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private static void submit(String from, String to, String subject) throws Exception {
        OutboundMail.submit(Server.port("submission"), from, to, subject);
    }

    private static Optional<TestSmtpPeer.Received> awaitAtPeer(String marker, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        do {
            Optional<TestSmtpPeer.Received> found = peer.received().stream().filter(r -> r.text().contains(marker)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        return Optional.empty();
    }

    private Optional<String> awaitInMailbox(String account, String marker, int seconds) throws Exception {
        return OutboundMail.awaitInMailbox(admin, account, marker, seconds);
    }

    private static String deliveryStatus(String bounce) throws Exception {
        return OutboundMail.deliveryStatus(bounce);
    }

    @Test
    void aSubmittedMessageIsRelayedToTheMxAtOnce() throws Exception {
        String subject = "relay " + UUID.randomUUID();
        long start = System.nanoTime();
        submit("alice@example.test", "bob@relay.test", subject);
        TestSmtpPeer.Received received = awaitAtPeer(subject, 30).orElseThrow(() -> new AssertionError("not relayed"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(received.mailFrom().startsWith("MAIL FROM:<alice@example.test>"), received.mailFrom());
        assertEquals(List.of("RCPT TO:<bob@relay.test>"), received.rcptTo());
        assertTrue(received.text().startsWith("Return-Path: <alice@example.test>\r\nReceived: from client.test"), received.text());
        assertTrue(received.text().contains("by mx.test with ESMTPSA id"), received.text());
        assertTrue(peer.sessions().contains("EHLO mx.test"), peer.sessions().toString());
        // The poll runs every 5 s here: arriving well before says acceptance started the attempt.
        assertTrue(millis < 4000, "relayed after " + millis + " ms");
    }

    @Test
    void theNextMxWhenThePreferredOneIsDown() throws Exception {
        String subject = "failover " + UUID.randomUUID();
        submit("alice@example.test", "carol@failover.test", subject);
        TestSmtpPeer.Received received = awaitAtPeer(subject, 30).orElseThrow(() -> new AssertionError("not relayed"));
        assertEquals(List.of("RCPT TO:<carol@failover.test>"), received.rcptTo());
    }

    @Test
    void aTemporaryFailureIsRetried() throws Exception {
        String subject = "retry " + UUID.randomUUID();
        String recipient = "retry-" + UUID.randomUUID() + "@relay.test";
        submit("alice@example.test", recipient, subject);
        TestSmtpPeer.Received received = awaitAtPeer(subject, 60).orElseThrow(() -> new AssertionError("not retried"));
        assertEquals(List.of("RCPT TO:<" + recipient + ">"), received.rcptTo());
        assertEquals(2, rcptAttempts.get(recipient).get(), "refused once, then taken");
    }

    @Test
    void aPermanentFailureBouncesToTheSendersMailbox() throws Exception {
        String subject = "reject " + UUID.randomUUID();
        String recipient = "reject-" + UUID.randomUUID() + "@relay.test";
        submit("alice@example.test", recipient, subject);
        String bounce = awaitInMailbox("alice@example.test", "Final-Recipient: rfc822; " + recipient, 30)
                .orElseThrow(() -> new AssertionError("no bounce"));

        assertTrue(bounce.startsWith("Return-Path: <>\r\n"), bounce);
        String status = deliveryStatus(bounce);
        assertTrue(status.contains("Reporting-MTA: dns; mx.test\r\n"), status);
        assertTrue(status.contains("Action: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.relay.test\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 No such user here"), status);
        assertTrue(bounce.contains("Subject: " + subject), "the original is returned");
    }

    @Test
    void aNullMxBouncesAtOnce() throws Exception {
        String subject = "nullmx " + UUID.randomUUID();
        submit("alice@example.test", "dave@nullmx.test", subject);
        String bounce = awaitInMailbox("alice@example.test", subject, 30).filter(text -> text.contains("Final-Recipient"))
                .orElseThrow(() -> new AssertionError("no bounce"));
        assertTrue(deliveryStatus(bounce).contains("Final-Recipient: rfc822; dave@nullmx.test\r\nAction: failed\r\nStatus: 5.1.10\r\n"),
                bounce);
    }

    @Test
    void aDomainThatDoesNotExistBouncesAtOnce() throws Exception {
        String subject = "nxdomain " + UUID.randomUUID();
        String recipient = "erin-" + UUID.randomUUID() + "@nowhere.test";
        submit("alice@example.test", recipient, subject);
        // Taken for a temporary failure it would be retried for the whole queue lifetime (5 days):
        // a bounce within seconds says the first attempt bounced it.
        String bounce = awaitInMailbox("alice@example.test", "Final-Recipient: rfc822; " + recipient, 30)
                .orElseThrow(() -> new AssertionError("no bounce"));

        String status = deliveryStatus(bounce);
        assertTrue(status.contains("Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 5.1.2\r\n"), status);
        assertTrue(status.contains("Diagnostic-Code: smtp; 550 5.1.2 Domain nowhere.test does not exist"), status);
        assertTrue(bounce.contains("Subject: " + subject), "the original is returned");
    }

    @Test
    void aFailingMessageFromTheNullSenderIsReportedToThePostmasterOnceNeverBounced() throws Exception {
        String subject = "null sender " + UUID.randomUUID();
        String recipient = "reject-" + UUID.randomUUID() + "@relay.test";
        submit("<>", recipient, subject);
        // postmaster@mx.test is an alias of alice (MailFixture): the notice lands there, once.
        String notice = awaitInMailbox("alice@example.test", "Final-Recipient: rfc822; " + recipient, 30)
                .orElseThrow(() -> new AssertionError("the postmaster was not told"));
        assertTrue(notice.startsWith("Return-Path: <>\r\n"), notice);
        assertTrue(notice.contains("To: <postmaster@mx.test>"), notice);
        assertTrue(peer.received().stream().noneMatch(r -> r.text().contains(subject)), "refused, so never delivered");
        Thread.sleep(3000);
        assertEquals(1, count("alice@example.test", recipient), "reported once");
    }

    private long count(String account, String marker) throws Exception {
        long found = 0;
        for (JsonValue entry : admin.get("/api/v1/accounts/" + account + "/messages").json().asJsonArray()) {
            long id = entry.asJsonObject().getJsonNumber("id").longValue();
            if (admin.get("/api/v1/accounts/" + account + "/messages/" + id, "message/rfc822").body().contains(marker)) {
                found++;
            }
        }
        return found;
    }
}
