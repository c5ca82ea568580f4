// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.stats;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eemail.ejb.domain.RecipientStatus;

/**
 * The queue depth by state, read once and served until it is {@code maxAge} old: a Prometheus
 * scrape reads the six {@code mail_queue_entries} gauges one after the other, and each would
 * otherwise run the same GROUP BY over the whole queue. Thread-safe: scrapes may overlap, and
 * then at worst both read the database.
 */
final class QueueSnapshot {

    private record Reading(Map<RecipientStatus, Long> depth, long takenAt) {
    }

    private final Supplier<Map<RecipientStatus, Long>> source;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private volatile Reading last;

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    QueueSnapshot(Supplier<Map<RecipientStatus, Long>> source, Duration maxAge, LongSupplier clock) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
    }

    Map<RecipientStatus, Long> get() {
        long now = clock.getAsLong();
        Reading reading = last;
        if (reading == null || now - reading.takenAt() >= maxAgeNanos) {
            reading = new Reading(source.get(), now);
            last = reading;
        }
        return reading.depth();
    }
}
