// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.domain.TrailKind;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The message trail against a real database; {@link TrailStoreTest} and the PostgreSQL one run it. */
abstract class TrailStoreContract {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final String ORIGIN = "from client.test [192.0.2.7], TLS, authenticated as alice@example.test";
    private static final byte[] CONTENT = ("From: =?UTF-8?B?SsO8cmdlbg==?= <j@sender.example>\r\n"
            + "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?= <b>bold</b>\r\n"
            + "Date: Tue, 1 Jul 2025 10:00:00 +0200\r\n"
            + "Message-ID: <trail-1@sender.example>\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

    abstract TestDatabase db();

    @BeforeEach
    void domainWithAccounts() {
        db().clear();
        db().run(em -> {
            Fixtures.domain(em, "example.test");
            Fixtures.account(em, "alice@example.test", 0);
        });
    }

    private long accept(String sender, Recipient... recipients) {
        return db().call(em -> MessageStoreContract.store(em).accept(new IncomingMessage(sender, List.of(recipients),
                null, null, MessageStoreContract.TRACE, new ByteArrayInputStream(CONTENT), CONTENT.length, ORIGIN))
                .storedMessageId());
    }

    private static TrailStore trail(EntityManager em) {
        return TestDatabase.inject(new TrailStore(), em);
    }

    private static List<String> kinds(MessageTrail trail) {
        return trail.steps().stream().map(s -> s.kind().label() + (s.recipient() == null ? "" : " " + s.recipient()))
                .toList();
    }

    @Test
    void acceptanceRecordsReceivedStoredAndQueuedInItsTransaction() {
        long id = accept("Sender@Sender.example", Recipient.of("alice@example.test"), Recipient.of("Bob@Far.example"));

        List<MessageTrail> found = db().call(em -> trail(em).byMessageId("trail-1@sender.example"));
        assertEquals(1, found.size());
        MessageTrail trail = found.get(0);
        assertEquals(id, trail.storedMessageId());
        assertEquals("<trail-1@sender.example>", trail.messageId());
        assertEquals("sender@sender.example", trail.sender(), "addresses in lower case, found however typed");
        assertTrue(trail.size() > CONTENT.length, "stored size, trace headers included");
        assertEquals(List.of("received", "stored alice@example.test", "queued bob@far.example"), kinds(trail));
        assertEquals(ORIGIN, trail.steps().get(0).detail());
        assertEquals(trail.received(), trail.steps().get(0).at());

        assertEquals(List.of(id), ids(db().call(em -> trail(em).bySender("sender@sender.EXAMPLE"))));
        assertEquals(List.of(id), ids(db().call(em -> trail(em).byRecipient("Bob@Far.example"))));
        assertEquals(List.of(id), ids(db().call(em -> trail(em).byRecipient("alice@example.test"))));
        assertEquals(List.of(id), ids(db().call(em -> trail(em).byMessageId("<trail-1@sender.example>"))));
        assertEquals(List.of(), db().call(em -> trail(em).byRecipient("nobody@example.test")));
        assertEquals(Optional.empty(), db().call(em -> trail(em).get(id + 1000)));
    }

    @Test
    void aRolledBackAcceptanceLeavesNoTrail() {
        assertThrows(StoreException.class, () -> accept("a@sender.example", Recipient.of("gone@example.test")));
        assertEquals(0, db().count("trail_event"));
    }

    @Test
    void acceptanceKeepsTheDecodedHeaderFieldsTheMailboxListShows() {
        accept("a@sender.example", Recipient.of("alice@example.test"));

        MailboxMessage listed = db().call(em -> MessageStoreContract.store(em)
                .mailbox(MailAddress.parse("alice@example.test")).get(0));
        assertEquals("J\u00fcrgen <j@sender.example>", listed.getStoredMessage().getHeaderFrom());
        assertEquals("Gr\u00fc\u00dfe <b>bold</b>", listed.getStoredMessage().getHeaderSubject());
        assertEquals(Instant.parse("2025-07-01T08:00:00Z"), listed.getStoredMessage().getHeaderDate());
    }

    @Test
    void attemptsAndTheirOutcomeFollowTheQueue() {
        long id = accept("a@sender.example", Recipient.of("X@far.example"));
        ClaimedEntry first = claim();
        db().run(em -> QueueStoreContract.queue(em).record(List.of(
                Decision.deferred(first, "451 4.2.0 Later", "mx.far.example", Instant.now())), QueueStoreContract.REPORTING));
        ClaimedEntry second = claim();
        db().run(em -> QueueStoreContract.queue(em).record(List.of(
                Decision.delivered(second, "250 2.0.0 Ok: queued as 9", "mx.far.example", false)),
                QueueStoreContract.REPORTING));

        List<DeliveryAttempt> attempts = db().call(em -> trail(em).attempts(first.entryId()));
        assertEquals(2, attempts.size());
        assertEquals("mx.far.example", attempts.get(0).remoteHost());
        assertEquals("451 4.2.0 Later", attempts.get(0).reply());
        assertEquals("deferred", attempts.get(0).outcome());
        assertEquals("250 2.0.0 Ok: queued as 9", attempts.get(1).reply());
        assertEquals("delivered", attempts.get(1).outcome());
        MessageTrail trail = db().call(em -> trail(em).get(id)).orElseThrow();
        assertEquals(List.of("received", "queued x@far.example", "attempt x@far.example", "attempt x@far.example",
                "relayed x@far.example"), kinds(trail));
        assertEquals("250 2.0.0 Ok: queued as 9", trail.steps().get(4).detail());
        assertThrows(StoreException.class, () -> db().call(em -> trail(em).attempts(first.entryId() + 1000)));
    }

    @Test
    void aBounceTellsWhetherTheSenderGotADsn() {
        long id = accept("alice@example.test", Recipient.of("x@far.example"));
        ClaimedEntry claimed = claim();
        db().run(em -> QueueStoreContract.queue(em).record(List.of(
                Decision.bounced(claimed, "550 5.1.1 No such user", "mx.far.example", "5.1.1")),
                QueueStoreContract.REPORTING));

        MessageTrail trail = db().call(em -> trail(em).get(id)).orElseThrow();
        assertEquals(List.of("received", "queued x@far.example", "attempt x@far.example", "bounced x@far.example"),
                kinds(trail));
        assertEquals("550 5.1.1 No such user; DSN sent to alice@example.test", trail.steps().get(3).detail());
        // the DSN has a trail of its own, from the null sender into alice's mailbox
        MessageTrail dsn = db().call(em -> trail(em).bySender("")).get(0);
        assertEquals(List.of("received", "stored alice@example.test"), kinds(dsn));
        assertTrue(dsn.steps().get(0).detail().startsWith(IncomingMessage.GENERATED_HERE), dsn.steps().get(0).detail());
    }

    @Test
    void administratorsActionsAreRecordedAndTheTrailOutlivesTheMessage() {
        long id = accept("a@sender.example", Recipient.of("x@far.example"));
        long entry = db().call(em -> admin(em).find(QueueFilter.ALL, 10)).get(0).id();
        for (QueueAction action : List.of(QueueAction.HOLD, QueueAction.RELEASE, QueueAction.RETRY, QueueAction.DELETE)) {
            db().run(em -> admin(em).change(action, List.of(entry)));
        }

        assertEquals(0, db().count("stored_message"), "the last reference went");
        MessageTrail trail = db().call(em -> trail(em).get(id)).orElseThrow();
        assertEquals(List.of("received", "queued x@far.example", "held x@far.example", "released x@far.example",
                "retried x@far.example", "deleted x@far.example"), kinds(trail));
        assertEquals(TrailKind.DELETED, trail.steps().get(5).kind());
    }

    @Test
    void pruningRemovesWholeTrailsReceivedBeforeTheCutoff() {
        long old = accept("a@sender.example", Recipient.of("x@far.example"));
        Instant cutoff = Instant.now().plusMillis(1);
        db().run(em -> em.createNativeQuery("UPDATE trail_event SET occurred = occurred - INTERVAL '40' DAY"
                + " WHERE kind = 'RECEIVED'").executeUpdate());
        long recent = accept("a@sender.example", Recipient.of("y@far.example"));

        int pruned = db().call(em -> trail(em).prune(cutoff.minus(Duration.ofDays(30))));

        assertEquals(2, pruned, "received and queued of the old message");
        assertEquals(Optional.empty(), db().call(em -> trail(em).get(old)));
        assertEquals(2, db().call(em -> trail(em).get(recent)).orElseThrow().steps().size());
    }

    @Test
    void aSearchReturnsTheNewestFifty() {
        for (int i = 0; i < TrailStore.MAX_TRAILS + 2; i++) {
            accept("many@sender.example", Recipient.of("alice@example.test"));
        }
        List<MessageTrail> found = db().call(em -> trail(em).bySender("many@sender.example"));
        assertEquals(TrailStore.MAX_TRAILS, found.size());
        assertTrue(found.get(0).storedMessageId() > found.get(1).storedMessageId(), "newest first");
    }

    private ClaimedEntry claim() {
        return db().call(em -> QueueStoreContract.queue(em).claim(10, LEASE)).get(0);
    }

    private static QueueAdministration admin(EntityManager em) {
        return TestDatabase.inject(new QueueAdministration(), em);
    }

    private static List<Long> ids(List<MessageTrail> trails) {
        return trails.stream().map(MessageTrail::storedMessageId).toList();
    }
}
