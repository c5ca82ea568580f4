// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eemail.ejb.domain.RecipientStatus;
import org.junit.jupiter.api.Test;

class QueueSnapshotTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final QueueSnapshot snapshot = new QueueSnapshot(this::read, Duration.ofSeconds(1), nanos::get);

    private Map<RecipientStatus, Long> read() {
        Map<RecipientStatus, Long> depth = new EnumMap<>(RecipientStatus.class);
        depth.put(RecipientStatus.QUEUED, (long) reads.incrementAndGet());
        return depth;
    }

    @Test
    void sixGaugesOfOneScrapeReadTheDatabaseOnce() {
        for (int gauge = 0; gauge < 6; gauge++) {
            assertEquals(1L, snapshot.get().get(RecipientStatus.QUEUED));
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
        }
        assertEquals(1, reads.get());
    }

    @Test
    void readsAgainOnceTheSnapshotIsOld() {
        snapshot.get();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(2L, snapshot.get().get(RecipientStatus.QUEUED));
        assertEquals(2, reads.get());
    }
}
