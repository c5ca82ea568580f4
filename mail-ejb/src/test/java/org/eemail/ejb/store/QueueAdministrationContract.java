// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.domain.StoredMessage;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrator's queue actions against a real database; the H2 and PostgreSQL tests run it. */
abstract class QueueAdministrationContract {

    abstract TestDatabase db();

    @BeforeEach
    void domainWithAccounts() {
        db().clear();
        db().run(em -> {
            Fixtures.domain(em, "example.test");
            Fixtures.account(em, "alice@example.test", 0);
        });
    }

    private long accept(String sender, String... recipients) {
        byte[] content = "Subject: queued\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        List<Recipient> to = List.of(recipients).stream().map(Recipient::of).toList();
        return db().call(em -> MessageStoreContract.store(em)
                .accept(MessageStoreContract.message(sender, to, content)).storedMessageId());
    }

    private static QueueAdministration admin(EntityManager em) {
        return TestDatabase.inject(new QueueAdministration(), em);
    }

    private List<String> find(QueueFilter filter) {
        return db().call(em -> admin(em).find(filter, 100)).stream().map(QueueItem::recipient).toList();
    }

    private long idOf(String recipient) {
        return db().call(em -> admin(em).find(QueueFilter.ALL, 100)).stream()
                .filter(item -> item.recipient().equals(recipient)).findFirst().orElseThrow().id();
    }

    private QueueEntry entry(long id) {
        return db().call(em -> em.find(QueueEntry.class, id));
    }

    private int change(QueueAction action, long... ids) {
        return db().call(em -> admin(em).change(action, java.util.Arrays.stream(ids).boxed().toList()));
    }

    @Test
    void filtersCombineStateDomainSenderAndAge() {
        accept("a@sender.example", "x@far.example", "y@far_away.example");
        accept("", "z@FAR.example");
        Instant between = Instant.now();
        accept("b@sender.example", "w@far.example");

        assertEquals(List.of("x@far.example", "y@far_away.example", "z@FAR.example", "w@far.example"), find(QueueFilter.ALL));
        assertEquals(List.of("x@far.example", "z@FAR.example", "w@far.example"),
                find(new QueueFilter(Optional.empty(), Optional.of("far.example"), Optional.empty(), Optional.empty())));
        assertEquals(List.of("y@far_away.example"),
                find(new QueueFilter(Optional.empty(), Optional.of("far_away.example"), Optional.empty(), Optional.empty())),
                "'_' in a domain is no wildcard");
        assertEquals(List.of("z@FAR.example"),
                find(new QueueFilter(Optional.empty(), Optional.empty(), Optional.of(""), Optional.empty())),
                "the null sender");
        assertEquals(List.of("x@far.example", "y@far_away.example", "z@FAR.example"),
                find(new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(between))));
        change(QueueAction.HOLD, idOf("w@far.example"));
        assertEquals(List.of("w@far.example"),
                find(new QueueFilter(Optional.of(RecipientStatus.HELD), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(1, db().call(em -> admin(em).find(QueueFilter.ALL, 1)).size(), "the limit holds");
    }

    @Test
    void aHeldEntryIsNeverClaimedUntilReleased() {
        accept("a@sender.example", "x@far.example");
        long id = idOf("x@far.example");
        assertEquals(1, change(QueueAction.HOLD, id));
        assertEquals(RecipientStatus.HELD, entry(id).getState());
        assertEquals(List.of(), db().call(em -> QueueStoreContract.queue(em).claim(10, Duration.ofMinutes(1))));

        assertEquals(0, change(QueueAction.HOLD, id), "holding twice changes nothing");
        assertEquals(1, change(QueueAction.RELEASE, id));
        assertEquals(RecipientStatus.QUEUED, entry(id).getState(), "never tried: queued again");
        assertEquals(1, db().call(em -> QueueStoreContract.queue(em).claim(10, Duration.ofMinutes(1))).size());
    }

    @Test
    void retryMakesADeferredEntryDueNowAndDeleteRemovesItsMessageWhenNothingElseNeedsIt() {
        accept("a@sender.example", "x@far.example", "y@far.example");
        List<ClaimedEntry> claimed = db().call(em -> QueueStoreContract.queue(em).claim(10, Duration.ofMinutes(1)));
        Instant later = Instant.now().plus(Duration.ofHours(1));
        db().run(em -> QueueStoreContract.queue(em).record(claimed.stream()
                .map(c -> Decision.deferred(c, "451 later", "mx.far.example", later)).toList(), QueueStoreContract.REPORTING));
        long x = idOf("x@far.example");
        long y = idOf("y@far.example");

        assertEquals(1, change(QueueAction.RETRY, x));
        assertFalse(entry(x).getNextAttempt().isAfter(Instant.now()), "due now");
        assertTrue(entry(y).getNextAttempt().isAfter(Instant.now()), "the other one waits");

        long message = claimed.get(0).storedMessageId();
        assertEquals(1, change(QueueAction.DELETE, x));
        assertNull(entry(x));
        assertNotNull(db().call(em -> em.find(StoredMessage.class, message)), "y still needs the message");
        assertEquals(1, change(QueueAction.DELETE, y));
        assertNull(db().call(em -> em.find(StoredMessage.class, message)), "nothing refers to it any more");
    }

    @Test
    void anEntryInDeliveryIsLeftAlone() {
        accept("a@sender.example", "x@far.example");
        db().call(em -> QueueStoreContract.queue(em).claim(10, Duration.ofMinutes(1)));
        long id = idOf("x@far.example");
        for (QueueAction action : QueueAction.values()) {
            assertFalse(action.appliesTo(RecipientStatus.IN_DELIVERY), action.name());
        }
        assertEquals(0, change(QueueAction.DELETE, id));
        assertEquals(List.of(), db().call(em -> admin(em).claim(List.of(id))));
        assertEquals(RecipientStatus.IN_DELIVERY, entry(id).getState());
    }

    @Test
    void bounceNowFailsTheEntryAndReportsToTheSender() {
        accept("alice@example.test", "x@far.example");
        long id = idOf("x@far.example");
        List<ClaimedEntry> claimed = db().call(em -> admin(em).claim(List.of(id)));
        assertEquals(1, claimed.size());
        db().run(em -> QueueStoreContract.queue(em).record(claimed.stream()
                .map(c -> Decision.bounced(c, QueueAdministration.BOUNCED_BY_ADMINISTRATOR, null, "5.0.0")).toList(),
                QueueStoreContract.REPORTING));

        assertEquals(RecipientStatus.BOUNCED, entry(id).getState());
        List<Long> ids = db().call(em -> admin(em).ids(QueueFilter.ALL, Set.of(RecipientStatus.BOUNCED)));
        assertEquals(List.of(id), ids);
        String report = db().call(em -> MessageStoreContract.store(em).mailbox(MailAddress.parse("alice@example.test"))
                .stream().map(m -> {
                    try {
                        return new String(QueueStoreContract.queue(em).withContent(m.getStoredMessage().getId(),
                                in -> in.readAllBytes()), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst().orElseThrow());
        assertTrue(report.contains("Status: 5.0.0"), report);
        assertTrue(report.contains("Bounced by the administrator"), report);
    }
}
