// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eemail.ejb.domain.Dispatch;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.eemail.ra.api.ConsumerRoute;
import org.eemail.ra.api.Envelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DispatchStore against a real database; {@link DispatchStoreTest} and the PostgreSQL one run it. */
abstract class DispatchStoreContract {

    abstract TestDatabase db();

    @BeforeEach
    void domainWithAccount() {
        db().clear();
        db().run(em -> {
            Fixtures.domain(em, "example.test");
            Fixtures.account(em, "alice@example.test", 0);
        });
    }

    static DispatchStore store(EntityManager em) {
        return TestDatabase.inject(new DispatchStore(), em);
    }

    private static final Envelope ENVELOPE = new Envelope("buyer@shop.test",
            List.of(new org.eemail.ra.api.Recipient("orders@example.test", Set.of(), Optional.empty()),
                    new org.eemail.ra.api.Recipient("alice@example.test", Set.of(), Optional.empty())),
            "192.0.2.1", "shop.test", Optional.of("alice@example.test"), true, Envelope.BodyType.SEVEN_BIT, false,
            Optional.empty(), Optional.empty());

    /** A message for alice, stored with two dispatches in one transaction, as MessageAcceptorMdb does. */
    private long acceptWithDispatches() {
        return db().call(em -> {
            Accepted accepted = MessageStoreContract.store(em).accept(MessageStoreContract.message("buyer@shop.test",
                    List.of(Recipient.of("alice@example.test")), "Subject: order\r\n\r\n2 boxes\r\n".getBytes(StandardCharsets.US_ASCII)));
            store(em).record(accepted.storedMessageId(), ENVELOPE, List.of(
                    new ConsumerRoute("audit", -1, List.of("orders@example.test", "alice@example.test"), false),
                    new ConsumerRoute("orders", 0, List.of("orders@example.test"), true)));
            return accepted.storedMessageId();
        });
    }

    @Test
    void recordsWithTheMessageAndClaimsInPriorityOrderOnlyForActiveConsumers() {
        long message = acceptWithDispatches();
        List<Dispatch> claimed = db().call(em -> store(em).claimDue(List.of("orders", "audit"), 10, Duration.ofMinutes(2)));
        assertEquals(List.of("audit", "orders"), claimed.stream().map(Dispatch::getConsumer).toList());
        Dispatch orders = claimed.get(1);
        assertEquals(message, orders.getStoredMessageId());
        assertEquals(List.of("orders@example.test"), orders.getRecipients());
        assertEquals("alice@example.test", orders.getIdentity());
        assertTrue(orders.isTls());
        assertEquals(List.of(), db().call(em -> store(em).claimDue(List.of("orders", "audit"), 10, Duration.ofMinutes(2))),
                "claimed ones are not due again before the claim runs out");
    }

    @Test
    void aConsumerThatIsNotActiveLeavesItsDispatchesWaiting() {
        acceptWithDispatches();
        assertEquals(List.of("orders"), db().call(em -> store(em).claimDue(List.of("orders"), 10, Duration.ofMinutes(2)))
                .stream().map(Dispatch::getConsumer).toList());
        assertEquals(List.of("audit"), db().call(em -> store(em).claimDue(List.of("audit"), 10, Duration.ofMinutes(2)))
                .stream().map(Dispatch::getConsumer).toList());
    }

    @Test
    void failuresAreRetriedThenParkedAndAnAdministratorRetries() {
        acceptWithDispatches();
        long id = db().call(em -> store(em).claimDue(List.of("orders"), 10, Duration.ofMinutes(2))).get(0).getId();
        db().run(em -> store(em).failed(id, "rolled back", Duration.ZERO, false));
        Dispatch again = db().call(em -> store(em).claimDue(List.of("orders"), 10, Duration.ofMinutes(2))).get(0);
        assertEquals(1, again.getAttempts());
        assertEquals("rolled back", again.getLastError());
        db().run(em -> store(em).failed(id, "rolled back again", Duration.ZERO, true));
        assertEquals(List.of(), db().call(em -> store(em).claimDue(List.of("orders"), 10, Duration.ofMinutes(2))));
        assertEquals(List.of(id), db().call(em -> store(em).list(Dispatch.State.PARKED, 10)).stream().map(Dispatch::getId).toList());

        db().run(em -> store(em).retry(id));
        assertThrows(StoreException.class, () -> db().run(em -> store(em).retry(id)), "only a parked one");
        Dispatch retried = db().call(em -> store(em).claimDue(List.of("orders"), 10, Duration.ofMinutes(2))).get(0);
        assertEquals(0, retried.getAttempts());
        db().run(em -> store(em).succeeded(id));
        assertEquals(Dispatch.State.DONE, db().call(em -> store(em).ofMessage(retried.getStoredMessageId())).stream()
                .filter(d -> d.getId() == id).findFirst().orElseThrow().getState());
    }

    @Test
    void aMessageWhoseRecipientsAreAllConsumedIsStoredWithoutMailbox() {
        long id = db().call(em -> {
            Accepted accepted = MessageStoreContract.store(em).accept(MessageStoreContract.message("buyer@shop.test",
                    List.of(), "Subject: order\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            store(em).record(accepted.storedMessageId(), ENVELOPE,
                    List.of(new ConsumerRoute("orders", 0, List.of("orders@example.test"), true)));
            return accepted.storedMessageId();
        });
        assertEquals(1, db().count("stored_message"));
        assertEquals(0, db().count("mailbox_message"));
        assertEquals(1, db().call(em -> store(em).ofMessage(id)).size());
    }
}
