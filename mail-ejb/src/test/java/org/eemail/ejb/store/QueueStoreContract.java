// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery queue against a real database; {@link QueueStoreTest} and the PostgreSQL one run it. */
abstract class QueueStoreContract {

    private static final Duration LEASE = Duration.ofMinutes(10);
    static final Reporting REPORTING = new Reporting("mx.example.test", "postmaster@example.test", 1_000_000,
            Duration.ofHours(4), false);

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
        byte[] content = "Subject: queued\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        return db().call(em -> MessageStoreContract.store(em)
                .accept(MessageStoreContract.message(sender, List.of(recipients), content)).storedMessageId());
    }

    private List<ClaimedEntry> claim(int max, Duration lease) {
        return db().call(em -> queue(em).claim(max, lease));
    }

    private void record(Decision... decisions) {
        db().run(em -> queue(em).record(List.of(decisions), REPORTING));
    }

    static QueueStore queue(EntityManager em) {
        return TestDatabase.inject(new QueueStore(), em);
    }

    private QueueEntry entry(long id) {
        return db().call(em -> em.find(QueueEntry.class, id));
    }

    /** The stored message ids in {@code account}'s mailbox, with their senders: "id sender". */
    private List<String> mailbox(String account) {
        return db().call(em -> MessageStoreContract.store(em).mailbox(MailAddress.parse(account)).stream()
                .map(m -> m.getStoredMessage().getId() + " " + m.getStoredMessage().getSender()).toList());
    }

    private String text(long storedMessageId) {
        return db().call(em -> {
            try {
                return new String(queue(em).withContent(storedMessageId, in -> in.readAllBytes()), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aClaimLeasesDueEntriesOnce() {
        long message = accept("a@sender.example", Recipient.of("b@far.example"), new Recipient("c@far.example", "NEVER", null));
        List<ClaimedEntry> claimed = claim(10, LEASE);

        assertEquals(List.of("b@far.example", "c@far.example"), claimed.stream().map(ClaimedEntry::recipient).toList());
        assertEquals(message, claimed.get(0).storedMessageId());
        assertEquals("a@sender.example", claimed.get(0).sender());
        assertEquals("far.example", claimed.get(0).domain());
        assertEquals(List.of(), claim(10, LEASE), "claimed entries are not due");
        QueueEntry entry = entry(claimed.get(0).entryId());
        assertEquals(RecipientStatus.IN_DELIVERY, entry.getState());
        assertTrue(entry.getLeaseUntil().isAfter(Instant.now().plus(LEASE).minusSeconds(60)));
    }

    @Test
    void aClaimTakesAtMostItsBatch() {
        for (int i = 0; i < 5; i++) {
            accept("a@sender.example", Recipient.of("b" + i + "@far.example"));
        }
        assertEquals(3, claim(3, LEASE).size());
        assertEquals(2, claim(3, LEASE).size());
    }

    @Test
    void twoClaimersNeverGetTheSameEntry() throws Exception {
        for (int i = 0; i < 60; i++) {
            accept("a@sender.example", Recipient.of("r" + i + "@far.example"));
        }
        Callable<List<Long>> claimer = () -> {
            List<Long> mine = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                try {
                    claim(4, LEASE).forEach(entry -> mine.add(entry.entryId()));
                } catch (RuntimeException lockConflict) {
                    // a claim that lost a race for a row lock claims nothing; the next one goes on
                }
            }
            return mine;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> first = pool.submit(claimer);
            Future<List<Long>> second = pool.submit(claimer);
            List<Long> a = first.get();
            List<Long> b = second.get();
            Set<Long> both = new HashSet<>(a);
            both.retainAll(b);
            assertEquals(Set.of(), both, "claimed by both");
            assertEquals(a.size(), new HashSet<>(a).size());
            assertEquals(60, a.size() + b.size(), "every entry claimed once: " + a.size() + " + " + b.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndTheOldClaimCannotRecord() throws Exception {
        accept("a@sender.example", Recipient.of("b@far.example"));
        ClaimedEntry lost = claim(10, Duration.ofMillis(1)).get(0);
        Thread.sleep(20);
        ClaimedEntry again = claim(10, LEASE).get(0);
        assertEquals(lost.entryId(), again.entryId());
        assertTrue(!lost.claimToken().equals(again.claimToken()));

        record(Decision.delivered(lost, "250 late", "mx.far.example", false));
        assertEquals(RecipientStatus.IN_DELIVERY, entry(lost.entryId()).getState());
        record(Decision.delivered(again, "250 2.0.0 Ok", "mx.far.example", false));
        QueueEntry done = entry(lost.entryId());
        assertEquals(RecipientStatus.DELIVERED, done.getState());
        assertEquals(1, done.getAttempts());
        assertEquals("250 2.0.0 Ok", done.getLastReply());
    }

    @Test
    void aDeferredEntryWaitsForItsNextAttempt() {
        accept("a@sender.example", Recipient.of("b@far.example"));
        ClaimedEntry claimed = claim(10, LEASE).get(0);
        Instant later = Instant.now().plusSeconds(300);
        record(Decision.deferred(claimed, "451 4.2.0 Later", "mx.far.example", later));

        QueueEntry entry = entry(claimed.entryId());
        assertEquals(RecipientStatus.DEFERRED, entry.getState());
        assertEquals("451 4.2.0 Later", entry.getLastReply());
        assertEquals(List.of(), claim(10, LEASE));
    }

    @Test
    void aBounceLandsInTheLocalSendersMailbox() {
        long original = accept("alice@example.test", Recipient.of("b@far.example"), Recipient.of("c@far.example"));
        List<ClaimedEntry> claimed = claim(10, LEASE);
        record(Decision.bounced(claimed.get(0), "550 5.1.1 No such user", "mx.far.example", "5.1.1"),
                Decision.delivered(claimed.get(1), "250 Ok", "mx.far.example", false));

        assertEquals(RecipientStatus.BOUNCED, entry(claimed.get(0).entryId()).getState());
        List<String> mailbox = mailbox("alice@example.test");
        assertEquals(1, mailbox.size());
        assertTrue(mailbox.get(0).endsWith(" "), "null sender: " + mailbox);
        String bounce = text(Long.parseLong(mailbox.get(0).strip()));
        assertTrue(bounce.startsWith("Return-Path: <>\r\nReceived: by mx.example.test"), bounce);
        assertTrue(bounce.contains("Final-Recipient: rfc822; b@far.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Remote-MTA: dns; mx.far.example\r\nDiagnostic-Code: smtp; 550 5.1.1 No such user"), bounce);
        assertTrue(!bounce.contains("c@far.example>"), "only the failed recipient");
        assertTrue(bounce.contains("Content-Type: message/rfc822\r\n\r\n" + text(original)), bounce);
    }

    @Test
    void aBounceToAForeignSenderIsQueuedWithTheNullSender() {
        accept("a@sender.example", Recipient.of("b@far.example"));
        record(Decision.bounced(claim(10, LEASE).get(0), "550 5.1.1 No", "mx.far.example", "5.1.1"));

        List<ClaimedEntry> bounce = claim(10, LEASE);
        assertEquals(1, bounce.size());
        assertEquals("a@sender.example", bounce.get(0).recipient());
        assertEquals("", bounce.get(0).sender());
    }

    @Test
    void aNullSenderMessageIsNeverBouncedNorReportedWithoutAPostmasterMailbox() {
        accept("", Recipient.of("b@far.example"));
        record(Decision.bounced(claim(10, LEASE).get(0), "550 5.1.1 No", "mx.far.example", "5.1.1"));
        assertEquals(List.of(), claim(10, LEASE));
        assertEquals(1, db().count("stored_message"));
    }

    @Test
    void theFailureOfANullSenderMessageGoesToThePostmasterMailboxOnce() {
        db().run(em -> Fixtures.alias(em, "postmaster@example.test", "alice@example.test"));
        accept("", Recipient.of("b@far.example"));
        record(Decision.bounced(claim(10, LEASE).get(0), "550 5.1.1 No", "mx.far.example", "5.1.1"));
        List<String> mailbox = mailbox("alice@example.test");
        assertEquals(1, mailbox.size());
        assertTrue(text(Long.parseLong(mailbox.get(0).strip())).contains("Final-Recipient: rfc822; b@far.example"));
        assertEquals(List.of(), claim(10, LEASE), "the notice is not queued");
    }

    @Test
    void aDomainThatBecameLocalIsDeliveredToItsMailboxes() {
        accept("a@sender.example", Recipient.of("carol@later.example"), Recipient.of("nobody@later.example"));
        List<ClaimedEntry> claimed = claim(10, LEASE);
        db().run(em -> {
            Fixtures.domain(em, "later.example");
            Fixtures.account(em, "carol@later.example", 0);
        });
        assertEquals(Boolean.TRUE, db().call(em -> queue(em).isLocalDomain("later.example")));
        db().run(em -> queue(em).deliverLocally(claimed, REPORTING));

        assertEquals(1, mailbox("carol@later.example").size());
        assertEquals(RecipientStatus.DELIVERED, entry(claimed.get(0).entryId()).getState());
        assertEquals(RecipientStatus.BOUNCED, entry(claimed.get(1).entryId()).getState());
        assertEquals(1, claim(10, LEASE).size(), "the bounce to the foreign sender");
    }

    @Test
    void notifyNeverAsksForNoBounce() {
        accept("alice@example.test", new Recipient("b@far.example", "NEVER", null));
        record(Decision.bounced(claim(10, LEASE).get(0), "550 5.1.1 No", "mx.far.example", "5.1.1"));
        assertEquals(List.of(), mailbox("alice@example.test"));
    }

    @Test
    void whatNotifyAsksFor() {
        assertTrue(REPORTING.wantsFailure(null) && REPORTING.wantsFailure("DELAY,FAILURE"));
        assertTrue(!REPORTING.wantsFailure("NEVER") && !REPORTING.wantsFailure("SUCCESS"));
        assertTrue(REPORTING.wantsDelay("DELAY,FAILURE") && !REPORTING.wantsDelay(null));
        assertTrue(Reporting.wantsSuccess("SUCCESS") && !Reporting.wantsSuccess(null));
    }

    @Test
    void aDelayNoticeOnceWhenAskedFor() {
        accept("alice@example.test", new Recipient("b@far.example", "DELAY,FAILURE", null), Recipient.of("c@far.example"));
        Reporting at0 = new Reporting("mx.example.test", "postmaster@example.test", 1_000_000, Duration.ofNanos(1), false);
        for (int attempt = 0; attempt < 2; attempt++) {
            List<ClaimedEntry> claimed = claim(10, Duration.ofMillis(1));
            db().run(em -> queue(em).record(claimed.stream().map(entry ->
                    Decision.deferred(entry, "451 4.2.0 Later", "mx.far.example", Instant.now())).toList(), at0));
        }
        List<String> mailbox = mailbox("alice@example.test");
        assertEquals(1, mailbox.size(), "one notice, for the one who asked, once");
        String notice = text(Long.parseLong(mailbox.get(0).strip()));
        assertTrue(notice.contains("Subject: Delayed Mail"), notice);
        assertTrue(notice.contains("Final-Recipient: rfc822; b@far.example\r\nAction: delayed\r\nStatus: 4.2.0\r\n"), notice);
        assertTrue(!notice.contains("c@far.example"), notice);
        assertTrue(notice.contains("Content-Type: text/rfc822-headers"), notice);
    }

    @Test
    void aRelayedNoticeWhenTheNextHopHasNoDsn() {
        accept("alice@example.test", new Recipient("b@far.example", "SUCCESS", null),
                new Recipient("c@far.example", "SUCCESS", null));
        List<ClaimedEntry> claimed = claim(10, LEASE);
        record(Decision.delivered(claimed.get(0), "250 Ok", "mx.far.example", true),
                Decision.delivered(claimed.get(1), "250 Ok", "mx.far.example", false));
        List<String> mailbox = mailbox("alice@example.test");
        assertEquals(1, mailbox.size());
        String notice = text(Long.parseLong(mailbox.get(0).strip()));
        assertTrue(notice.contains("Final-Recipient: rfc822; b@far.example\r\nAction: relayed\r\nStatus: 2.0.0\r\n"), notice);
        assertTrue(!notice.contains("Final-Recipient: rfc822; c@far.example"), "c's next hop reports itself");
    }

    @Test
    void queueDepthCountsTheEntriesInEachState() {
        accept("a@sender.example", Recipient.of("x@far.example"), Recipient.of("y@far.example"), Recipient.of("z@far.example"));
        List<ClaimedEntry> claimed = claim(2, LEASE);
        record(Decision.delivered(claimed.get(0), "250 ok", "mx.far.example", false));

        Map<RecipientStatus, Long> depth = db().call(em -> TestDatabase.inject(new QueueDepth(), em).byState());
        assertEquals(1L, depth.get(RecipientStatus.QUEUED));
        assertEquals(1L, depth.get(RecipientStatus.IN_DELIVERY));
        assertEquals(1L, depth.get(RecipientStatus.DELIVERED));
        assertEquals(0L, depth.get(RecipientStatus.DEFERRED));
        assertEquals(0L, depth.get(RecipientStatus.BOUNCED));
    }
}
