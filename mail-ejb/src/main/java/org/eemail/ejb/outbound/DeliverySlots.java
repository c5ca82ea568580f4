// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.util.HashMap;
import java.util.Map;

/**
 * The connections the queue runner may have open at once: {@code mail.queue.parallelism} in all,
 * at most {@code mail.queue.destination-concurrency} of them to one destination (Postfix's
 * {@code default_destination_concurrency_limit}). A delivery takes a slot before it starts and
 * gives it back when it is over, whatever happened.
 */
final class DeliverySlots {

    private final int total;
    private final int perDestination;
    private final Map<String, Integer> byDestination = new HashMap<>();
    private int busy;

    DeliverySlots(int total, int perDestination) {
        this.total = total;
        this.perDestination = perDestination;
    }

    /** Waits until at least one slot is free. */
    synchronized void awaitFree() throws InterruptedException {
        while (busy >= total) {
            wait();
        }
    }

    /**
     * How many connections {@code destination} may open now, when {@code destinations} others
     * (itself included) still wait for theirs: its share of the free slots, within its own
     * limit, and at least one.
     */
    synchronized int connectionsFor(String destination, int destinations) {
        int share = Math.max(1, (total - busy) / Math.max(1, destinations));
        return Math.max(1, Math.min(share, perDestination - open(destination)));
    }

    /** Takes a slot for {@code destination}, waiting while all are busy or its own limit is reached. */
    synchronized void acquire(String destination) throws InterruptedException {
        while (busy >= total || open(destination) >= perDestination) {
            wait();
        }
        busy++;
        byDestination.merge(destination, 1, Integer::sum);
    }

    synchronized void release(String destination) {
        busy--;
        byDestination.computeIfPresent(destination, (d, open) -> open == 1 ? null : open - 1);
        notifyAll();
    }

    synchronized int busy() {
        return busy;
    }

    private int open(String destination) {
        return byDestination.getOrDefault(destination, 0);
    }
}
