// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

    private static final LocalTarget ALICE = new LocalTarget(1, "alice@example.test", 0, 0);
    private static final LocalTarget BOB = new LocalTarget(2, "bob@example.test", 0, 0);

    @Test
    void oneMailboxPerAccountHoweverItIsReached() {
        DeliveryPlan plan = new DeliveryPlan();
        plan.add(Recipient.of("alice@example.test"), Resolution.local(List.of(ALICE), List.of()));
        plan.add(Recipient.of("team@example.test"), Resolution.local(List.of(BOB, ALICE), List.of("x@far.example")));
        plan.add(Recipient.of("Alice@example.test"), Resolution.local(List.of(ALICE), List.of()));

        assertEquals(List.of(ALICE, BOB), List.copyOf(plan.mailboxes()));
    }

    @Test
    void oneQueueEntryPerForeignAddressWithTheFirstRecipientsParameters() {
        DeliveryPlan plan = new DeliveryPlan();
        plan.add(new Recipient("team@example.test", "DELAY", "rfc822;team@example.test"),
                Resolution.local(List.of(), List.of("x@far.example")));
        plan.add(new Recipient("x@far.example", "NEVER", null), Resolution.foreign("x@far.example"));
        plan.add(Recipient.of("Y@far.example"), Resolution.foreign("Y@far.example"));

        assertEquals(List.of(new Recipient("x@far.example", "DELAY", "rfc822;team@example.test"),
                Recipient.of("Y@far.example")), List.copyOf(plan.queue()));
    }

    @Test
    void refusesALocalAddressNobodyHas() {
        DeliveryPlan plan = new DeliveryPlan();
        StoreException e = assertThrows(StoreException.class,
                () -> plan.add(Recipient.of("gone@example.test"), Resolution.UNKNOWN_LOCAL));
        assertEquals(StoreException.Kind.INVALID, e.kind());
    }
}
