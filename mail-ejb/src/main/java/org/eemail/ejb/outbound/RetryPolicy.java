// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * When a deferred recipient is tried again, and when it is given up on: exponential back-off
 * (Postfix's queue manager), the first retry after {@code initial}, each later one after twice the
 * previous delay, never more than {@code max}; after {@code lifetime} in the queue a temporary
 * failure bounces.
 */
public record RetryPolicy(Duration initial, Duration max, Duration lifetime) {

    /**
     * The time of the next attempt after the {@code attempts}-th failed one (1 for the first).
     */
    public Instant nextAttempt(int attempts, Instant now) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(max) > 0 ? max : delay);
    }

    /** Whether an entry queued at {@code created} has been in the queue for its whole lifetime. */
    public boolean expired(Instant created, Instant now) {
        return !now.isBefore(created.plus(lifetime));
    }
}
