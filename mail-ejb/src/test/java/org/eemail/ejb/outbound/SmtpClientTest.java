// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.ContentReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Angus SMTP client against a real SMTP peer on loopback. */
class SmtpClientTest {

    private static final OutboundSettings SETTINGS = new OutboundSettings("mx.sender.test", 25,
            Duration.ofSeconds(5), Duration.ofSeconds(10), List.of(), Duration.ofSeconds(1), Optional.empty());

    private final Map<Long, byte[]> contents = new HashMap<>();
    private TestSmtpPeer peer;
    private long nextId;

    @BeforeEach
    void start() throws IOException {
        peer = new TestSmtpPeer("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws IOException {
        peer.close();
    }

    private SmtpClient client() {
        return new SmtpClient(SETTINGS, new SmtpClient.ContentSource() {
            @Override
            public <T> T withContent(long id, ContentReader<T> reader) throws IOException {
                return reader.read(new ByteArrayInputStream(contents.get(id)));
            }
        });
    }

    private List<ClaimedEntry> message(String sender, byte[] content, DsnReturn ret, String envid, String... recipients) {
        long id = ++nextId;
        contents.put(id, content);
        return java.util.Arrays.stream(recipients).map(recipient -> new ClaimedEntry(id * 100 + recipient.length(), "token",
                recipient, recipient.startsWith("dsn") ? "FAILURE,DELAY" : null,
                recipient.startsWith("dsn") ? "rfc822;Orig@far.test" : null, 0, Instant.now(), id, sender,
                content.length, ret, envid)).toList();
    }

    private List<RecipientResult> deliver(List<MailHost> hosts, List<List<ClaimedEntry>> messages) {
        return client().deliver(hosts, peer.port(), messages);
    }

    private static MailHost host(String name, String address) throws IOException {
        return new MailHost(name, List.of(InetAddress.getByName(address)));
    }

    @Test
    void sendsTheStoredOctetsWithTheEnvelopeAndDsnParameters() throws Exception {
        byte[] content = ("Return-Path: <a@sender.test>\r\nSubject: 8-bit \u00e4\r\n\r\n.dot line\r\n\u00fc\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<RecipientResult> results = deliver(List.of(host("mx.far.test", "127.0.0.1")),
                List.of(message("a@sender.test", content, DsnReturn.HDRS, "env+2Did", "b@far.test", "dsn@far.test")));

        assertEquals(List.of(250, 250), results.stream().map(RecipientResult::code).toList());
        assertEquals("mx.far.test", results.get(0).remoteMta());
        TestSmtpPeer.Received received = peer.await(1, 5).get(0);
        assertArrayEquals(content, received.data());
        assertTrue(received.mailFrom().startsWith("MAIL FROM:<a@sender.test>"), received.mailFrom());
        for (String parameter : List.of("RET=HDRS", "SIZE=" + content.length, "BODY=8BITMIME", "ENVID=env+2Did")) {
            assertTrue(received.mailFrom().contains(" " + parameter), received.mailFrom());
        }
        assertEquals(List.of("RCPT TO:<b@far.test>", "RCPT TO:<dsn@far.test> ORCPT=rfc822;Orig@far.test NOTIFY=FAILURE,DELAY"),
                received.rcptTo());
        assertEquals(List.of("EHLO mx.sender.test"), peer.sessions());
    }

    @Test
    void eachRecipientGetsItsOwnReply() throws Exception {
        peer.rcptReply(rcpt -> rcpt.startsWith("later") ? "451 4.2.0 Try later"
                : rcpt.startsWith("nobody") ? "550 5.1.1 No such user" : "250 2.1.5 Ok");
        List<RecipientResult> results = deliver(List.of(host("mx.far.test", "127.0.0.1")),
                List.of(message("a@sender.test", "x\r\n".getBytes(), null, null,
                        "ok@far.test", "later@far.test", "nobody@far.test")));

        assertEquals(List.of(250, 451, 550), results.stream().map(RecipientResult::code).toList());
        assertEquals("451 4.2.0 Try later", results.get(1).reply());
        assertEquals("550 5.1.1 No such user", results.get(2).reply());
        assertEquals(List.of("RCPT TO:<ok@far.test>"), peer.await(1, 5).get(0).rcptTo());
    }

    @Test
    void aRefusedMessageFailsForEveryRecipient() throws Exception {
        peer.dataReply("554 5.7.1 Spam");
        List<RecipientResult> results = deliver(List.of(host("mx.far.test", "127.0.0.1")),
                List.of(message("", "x\r\n".getBytes(), null, null, "b@far.test", "c@far.test")));
        assertEquals(List.of(554, 554), results.stream().map(RecipientResult::code).toList());
        assertTrue(results.get(0).reply().startsWith("554 5.7.1"), results.get(0).reply());
    }

    @Test
    void theNullSenderStaysNullAndOneConnectionCarriesSeveralMessages() throws Exception {
        deliver(List.of(host("mx.far.test", "127.0.0.1")), List.of(
                message("", "one\r\n".getBytes(), null, null, "b@far.test"),
                message("a@sender.test", "two\r\n".getBytes(), null, null, "c@far.test")));
        List<TestSmtpPeer.Received> received = peer.await(2, 5);
        assertTrue(received.get(0).mailFrom().startsWith("MAIL FROM:<> "), received.get(0).mailFrom());
        assertEquals(1, peer.sessions().size());
    }

    @Test
    void theNextDeliveryToTheHostReusesTheParkedConnectionUntilItIdlesTooLong() throws Exception {
        long[] now = {0};
        SmtpConnections connections = new SmtpConnections(SmtpClient.properties(SETTINGS), () -> now[0]);
        SmtpClient client = new SmtpClient(SETTINGS, connections, new SmtpClient.ContentSource() {
            @Override
            public <T> T withContent(long id, ContentReader<T> reader) throws IOException {
                return reader.read(new ByteArrayInputStream(contents.get(id)));
            }
        });
        List<MailHost> mx = List.of(host("mx.far.test", "127.0.0.1"));
        for (String text : List.of("one", "two")) {
            List<RecipientResult> results = client.deliver(mx, peer.port(),
                    List.of(message("a@sender.test", (text + "\r\n").getBytes(), null, null, "b@far.test")));
            assertEquals(250, results.get(0).code());
        }
        assertEquals(1, peer.sessions().size(), "the second delivery took the first one's connection");
        assertEquals(1, connections.parked());

        now[0] += SmtpConnections.IDLE_LIMIT_NANOS + 1;
        client.deliver(mx, peer.port(), List.of(message("a@sender.test", "three\r\n".getBytes(), null, null, "b@far.test")));
        assertEquals(3, peer.await(3, 5).size());
        assertEquals(2, peer.sessions().size(), "an idle connection is closed, not reused");
        assertEquals(1, connections.parked());
    }

    @Test
    void theNextHostWhenTheFirstRefusesTheConnection() throws Exception {
        List<RecipientResult> results = deliver(List.of(host("dead.far.test", "127.0.0.3"), host("mx.far.test", "127.0.0.1")),
                List.of(message("a@sender.test", "x\r\n".getBytes(), null, null, "b@far.test")));
        assertEquals(250, results.get(0).code());
        assertEquals("mx.far.test", results.get(0).remoteMta());
    }

    @Test
    void theNextHostWhenTheFirstGreetsWith4xx() throws Exception {
        try (TestSmtpPeer busy = new TestSmtpPeer("127.0.0.4", peer.port())) {
            busy.greeting("421 4.3.2 Busy");
            List<RecipientResult> results = deliver(List.of(host("busy.far.test", "127.0.0.4"), host("mx.far.test", "127.0.0.1")),
                    List.of(message("a@sender.test", "x\r\n".getBytes(), null, null, "b@far.test")));
            assertEquals("mx.far.test", results.get(0).remoteMta());
            assertEquals(250, results.get(0).code());
        }
    }

    @Test
    void noHostReachableDefers() throws Exception {
        List<RecipientResult> results = deliver(List.of(host("dead.far.test", "127.0.0.3")),
                List.of(message("a@sender.test", "x\r\n".getBytes(), null, null, "b@far.test")));
        assertEquals(RecipientResult.NO_REPLY, results.get(0).code());
        assertNull(results.get(0).remoteMta());
        assertTrue(results.get(0).reply().startsWith("451 4.4.1 dead.far.test"), results.get(0).reply());
    }

    @Test
    void aLoopIsNotSent() throws Exception {
        byte[] looping = ("Received: from a by b; now\r\n".repeat(51) + "Subject: loop\r\n\r\nx\r\n").getBytes();
        List<RecipientResult> results = deliver(List.of(host("mx.far.test", "127.0.0.1")),
                List.of(message("a@sender.test", looping, null, null, "b@far.test")));
        assertEquals(554, results.get(0).code());
        assertTrue(results.get(0).reply().startsWith("554 5.4.6"), results.get(0).reply());
        assertTrue(peer.received().isEmpty());
    }

    @Test
    void aSmartHostIsReachedByItsName() throws Exception {
        OutboundSettings relayed = new OutboundSettings("mx.sender.test", 25, Duration.ofSeconds(5), Duration.ofSeconds(10),
                List.of(), Duration.ofSeconds(1),
                Optional.of(new OutboundSettings.RelayHost("localhost", peer.port(), Optional.empty(), Optional.empty(), false)));
        SmtpClient client = new SmtpClient(relayed, new SmtpClient.ContentSource() {
            @Override
            public <T> T withContent(long id, ContentReader<T> reader) throws IOException {
                return reader.read(new ByteArrayInputStream(contents.get(id)));
            }
        });
        List<RecipientResult> results = client.deliver(List.of(new MailHost("localhost", List.of())), peer.port(),
                List.of(message("a@sender.test", "x\r\n".getBytes(), null, null, "b@far.test")));
        assertEquals(250, results.get(0).code());
        assertEquals("localhost", results.get(0).remoteMta());
    }
}
