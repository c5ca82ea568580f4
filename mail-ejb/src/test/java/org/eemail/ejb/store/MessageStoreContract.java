// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eemail.ejb.db.DurableCommit;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.domain.StoredMessage;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MessageStore against a real database; {@link MessageStoreTest} and the PostgreSQL one run it. */
abstract class MessageStoreContract {

    static final String TRACE = "Received: from client.test by mx.example.test; Tue, 1 Jul 2025 10:00:00 +0000\r\n";

    abstract TestDatabase db();

    @BeforeEach
    void domainWithAccounts() {
        db().clear();
        db().run(em -> {
            Fixtures.domain(em, "example.test");
            Fixtures.account(em, "alice@example.test", 0);
            Fixtures.account(em, "bob@example.test", 0);
            Fixtures.alias(em, "team@example.test", "alice@example.test", "dave@far.example");
        });
    }

    @Test
    void storesOnceForTwoMailboxesAndAForeignRecipient() {
        long id = accept(message("a@sender.example", List.of(Recipient.of("alice@example.test"),
                Recipient.of("bob@example.test"), new Recipient("Carol@Elsewhere.example", "SUCCESS,FAILURE",
                        "rfc822;Carol@Elsewhere.example")), "Subject: hi\r\n\r\nbody\r\n".getBytes()));

        assertEquals(1, db().count("stored_message"));
        assertEquals(List.of(id), storedIds("alice@example.test"));
        assertEquals(List.of(id), storedIds("bob@example.test"));
        List<QueueEntry> queue = queue();
        assertEquals(1, queue.size());
        QueueEntry entry = queue.get(0);
        assertEquals("Carol@Elsewhere.example", entry.getRecipient());
        assertEquals(RecipientStatus.QUEUED, entry.getState());
        assertEquals(0, entry.getAttempts());
        assertEquals("SUCCESS,FAILURE", entry.getNotify());
        assertEquals("rfc822;Carol@Elsewhere.example", entry.getOriginalRecipient());
        assertNull(entry.getLastReply());
        assertTrue(!entry.getNextAttempt().isAfter(Instant.now()), "due at once");
        assertEquals(id, entry.getStoredMessage().getId());
    }

    @Test
    void saysWhetherTheQueueHasWork() {
        byte[] body = "Subject: q\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII);
        Accepted local = db().call(em -> store(em).accept(
                message("a@sender.example", List.of(Recipient.of("alice@example.test")), body)));
        Accepted mixed = db().call(em -> store(em).accept(message("a@sender.example",
                List.of(Recipient.of("alice@example.test"), Recipient.of("carol@elsewhere.example")), body)));
        assertFalse(local.queued());
        assertTrue(mixed.queued());
        assertNotEquals(local.storedMessageId(), mixed.storedMessageId());
    }

    @Test
    void expandsAnAliasToItsLocalAndForeignTargets() {
        long id = accept(message("a@sender.example",
                List.of(new Recipient("team@example.test", "NEVER", null)), "x\r\n".getBytes()));

        assertEquals(List.of(id), storedIds("alice@example.test"));
        assertEquals(List.of(), storedIds("bob@example.test"));
        List<QueueEntry> queue = queue();
        assertEquals(1, queue.size());
        assertEquals("dave@far.example", queue.get(0).getRecipient());
        assertEquals("NEVER", queue.get(0).getNotify());
    }

    @Test
    void reachesAnAccountOnceHoweverItIsNamed() {
        accept(message("a@sender.example", List.of(Recipient.of("alice@example.test"),
                Recipient.of("ALICE@Example.TEST"), Recipient.of("team@example.test"),
                Recipient.of("dave@far.example")), "x\r\n".getBytes()));

        assertEquals(1, storedIds("alice@example.test").size());
        assertEquals(1, queue().size(), "dave directly and through the alias");
    }

    @Test
    void storesReturnPathTraceAndOriginalOctetsExactly() throws IOException {
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        original.write(("Message-ID: \r\n <id-1@sender.example>\r\nSubject: caf\u00e9\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        original.write(new byte[] {'8', '-', 'b', 'i', 't', ':', (byte) 0x80, (byte) 0xE9, (byte) 0xFF, 0, '\r', '\n'});
        original.write(".a line that started with a dot\r\n..two\r\nbare LF\nlast line without CRLF".getBytes());
        byte[] body = original.toByteArray();

        long id = accept(message("a@sender.example", List.of(Recipient.of("alice@example.test")), body));

        byte[] expected = concat(("Return-Path: <a@sender.example>\r\n" + TRACE).getBytes(), body);
        assertArrayEquals(expected, db().call(em -> readAll(store(em).content(id))));
        StoredMessage stored = db().call(em -> em.find(StoredMessage.class, id));
        assertEquals(expected.length, stored.getSize());
        assertEquals("<id-1@sender.example>", stored.getMessageId());
        assertEquals("a@sender.example", stored.getSender());
        MailboxMessage inMailbox = db().call(em -> store(em).mailbox(alice()).get(0));
        assertEquals(expected.length, inMailbox.getSize());
        assertEquals(stored.getReceived(), inMailbox.getDelivered());
    }

    @Test
    void keepsTheNullSenderAndDsnParameters() {
        IncomingMessage bounce = new IncomingMessage("", List.of(Recipient.of("alice@example.test")),
                DsnReturn.HDRS, "QQ314159", TRACE, new ByteArrayInputStream("x\r\n".getBytes()), 3);
        long id = accept(bounce);

        String content = db().call(em -> new String(readAll(store(em).content(id)), StandardCharsets.UTF_8));
        assertTrue(content.startsWith("Return-Path: <>\r\nReceived: "), content);
        StoredMessage stored = db().call(em -> em.find(StoredMessage.class, id));
        assertEquals("", stored.getSender());
        assertEquals(DsnReturn.HDRS, stored.getDsnReturn());
        assertEquals("QQ314159", stored.getEnvelopeId());
        assertNull(stored.getMessageId());
    }

    @Test
    void streamsTwentyMegabytesInAndOut() throws Exception {
        long length = 20L * 1024 * 1024 + 7;
        MessageDigest expected = sha256();
        expected.update(("Return-Path: <a@sender.example>\r\n" + TRACE).getBytes());
        GeneratedContent generated = new GeneratedContent(length, expected);
        IncomingMessage big = new IncomingMessage("a@sender.example", List.of(Recipient.of("alice@example.test"),
                Recipient.of("bob@example.test")), null, null, TRACE, generated, length);

        long id = accept(big);

        byte[] stored = db().call(em -> digestOf(store(em).content(id)));
        assertArrayEquals(expected.digest(), stored);
        assertEquals(length, generated.produced());
    }

    @Test
    void refusesAMessageForALocalAddressNobodyHas() {
        StoreException refused = assertThrows(StoreException.class, () -> accept(message("a@sender.example",
                List.of(Recipient.of("alice@example.test"), Recipient.of("nobody@example.test")), "x".getBytes())));

        assertEquals(StoreException.Kind.INVALID, refused.kind());
        assertEquals(0, db().count("stored_message"));
        assertEquals(0, db().count("mailbox_message"));
    }

    @Test
    void refusesContentShorterThanDeclared() {
        IncomingMessage shortOne = new IncomingMessage("a@sender.example", List.of(Recipient.of("alice@example.test")),
                null, null, TRACE, new ByteArrayInputStream(new byte[100]), 200);

        assertThrows(RuntimeException.class, () -> accept(shortOne));
        assertEquals(0, db().count("stored_message"));
    }

    @Test
    void refusesContentLongerThanDeclared() {
        IncomingMessage longOne = new IncomingMessage("a@sender.example", List.of(Recipient.of("alice@example.test")),
                null, null, TRACE, new ByteArrayInputStream(new byte[200]), 100);

        assertThrows(UncheckedIOException.class, () -> accept(longOne));
        assertEquals(0, db().count("stored_message"));
    }

    @Test
    void relaysAnAddressItCannotParseAsGiven() {
        accept(message("a@sender.example", List.of(Recipient.of("\"john doe\"@far.example")), "x".getBytes()));

        assertEquals("\"john doe\"@far.example", queue().get(0).getRecipient());
    }

    @Test
    void listsAMailboxOldestFirst() {
        long first = accept(message("a@sender.example", List.of(Recipient.of("alice@example.test")), "1".getBytes()));
        long second = accept(message("a@sender.example", List.of(Recipient.of("alice@example.test")), "2".getBytes()));

        List<MailboxMessage> mailbox = db().call(em -> store(em).mailbox(alice()));
        assertEquals(List.of(first, second), mailbox.stream().map(MailboxMessage::getStoredMessageId).toList());
        assertTrue(mailbox.get(0).getId() < mailbox.get(1).getId());
        assertEquals(List.of(), db().call(em -> store(em).mailbox(MailAddress.parse("nobody@example.test"))));
    }

    @Test
    void unknownContentIsNotFound() {
        StoreException missing = assertThrows(StoreException.class, () -> db().call(em -> store(em).content(42)));
        assertEquals(StoreException.Kind.NOT_FOUND, missing.kind());
    }

    private long accept(IncomingMessage message) {
        return db().call(em -> store(em).accept(message).storedMessageId());
    }

    private List<Long> storedIds(String account) {
        return db().call(em -> store(em).mailbox(MailAddress.parse(account)).stream()
                .map(MailboxMessage::getStoredMessageId).toList());
    }

    private List<QueueEntry> queue() {
        return db().call(em -> em.createQuery("SELECT q FROM QueueEntry q JOIN FETCH q.storedMessage ORDER BY q.id",
                QueueEntry.class).getResultList());
    }

    static MessageStore store(EntityManager em) {
        // Unconfigured, as on PostgreSQL, it registers nothing: GroupSyncTest covers the H2 sync.
        return TestDatabase.inject(TestDatabase.inject(new MessageStore(), em), "durableCommit", new DurableCommit());
    }

    static IncomingMessage message(String sender, List<Recipient> recipients, byte[] content) {
        return new IncomingMessage(sender, recipients, null, null, TRACE, new ByteArrayInputStream(content),
                content.length);
    }

    private static MailAddress alice() {
        return MailAddress.parse("alice@example.test");
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] digestOf(InputStream in) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
