// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliverySlotsTest {

    @Test
    void aDestinationGetsItsShareOfTheFreeConnectionsWithinItsLimit() throws InterruptedException {
        DeliverySlots slots = new DeliverySlots(8, 3);
        assertEquals(3, slots.connectionsFor("far.test", 1), "its own limit");
        assertEquals(2, slots.connectionsFor("far.test", 4), "8 free for 4 destinations");
        assertEquals(1, slots.connectionsFor("far.test", 20), "at least one");

        slots.acquire("far.test");
        slots.acquire("far.test");
        assertEquals(1, slots.connectionsFor("far.test", 1));
        slots.acquire("far.test");
        assertEquals(1, slots.connectionsFor("far.test", 1), "at least one, which waits for a slot");
        assertEquals(3, slots.connectionsFor("other.test", 1));
    }

    @Test
    void aDestinationAtItsLimitWaitsWhileOthersGoOn() throws Exception {
        DeliverySlots slots = new DeliverySlots(4, 2);
        slots.acquire("far.test");
        slots.acquire("far.test");
        Thread third = new Thread(() -> {
            try {
                slots.acquire("far.test");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        awaitWaiting(third);

        slots.acquire("other.test");
        assertEquals(3, slots.busy(), "another destination still got a slot");
        assertEquals(Thread.State.WAITING, third.getState());

        slots.release("far.test");
        third.join();
        assertEquals(3, slots.busy());
    }

    @Test
    void noClaimWhileEveryConnectionIsBusy() throws Exception {
        DeliverySlots slots = new DeliverySlots(2, 20);
        slots.acquire("a.test");
        slots.acquire("b.test");
        Thread runner = new Thread(() -> {
            try {
                slots.awaitFree();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start();
        awaitWaiting(runner);

        slots.release("b.test");
        runner.join();
        assertEquals(1, slots.busy());
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(5);
        }
    }
}
