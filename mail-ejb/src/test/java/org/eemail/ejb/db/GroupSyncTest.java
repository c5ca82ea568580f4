// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupSyncTest {

    @Test
    void aLoneCallerSyncsOnceEachTime() throws IOException {
        AtomicInteger syncs = new AtomicInteger();
        GroupSync group = new GroupSync(syncs::incrementAndGet);
        group.awaitDurable();
        group.awaitDurable();
        assertEquals(2, syncs.get());
    }

    /**
     * Every caller returns only after a sync that began after its call, and callers who arrive
     * while a sync runs share the next one instead of syncing one by one.
     */
    @Test
    void concurrentCallersShareSyncsThatStartedAfterTheyAsked() throws Exception {
        int callers = 16;
        AtomicLong clock = new AtomicLong();
        AtomicInteger syncs = new AtomicInteger();
        List<long[]> syncSpans = new ArrayList<>();
        GroupSync group = new GroupSync(() -> {
            long start = clock.incrementAndGet();
            sleep(5);
            syncs.incrementAndGet();
            synchronized (syncSpans) {
                syncSpans.add(new long[] {start, clock.incrementAndGet()});
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(threads.submit(() -> {
                start.await();
                long asked = clock.incrementAndGet();
                group.awaitDurable();
                return new long[] {asked, clock.incrementAndGet()};
            }));
        }
        start.countDown();
        for (Future<long[]> result : results) {
            long[] call = result.get(10, TimeUnit.SECONDS);
            boolean coveredBySyncAfterAsking;
            synchronized (syncSpans) {
                coveredBySyncAfterAsking = syncSpans.stream().anyMatch(s -> s[0] > call[0] && s[1] < call[1]);
            }
            assertTrue(coveredBySyncAfterAsking, "returned without a sync that began after it asked");
        }
        threads.shutdown();
        assertTrue(syncs.get() < callers, syncs.get() + " syncs for " + callers + " concurrent callers");
    }

    @Test
    void aFailedSyncFailsItsCallerAndTheNextCallerSyncsAgain() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        GroupSync group = new GroupSync(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("disk gone");
            }
        });
        assertThrows(IOException.class, group::awaitDurable);
        group.awaitDurable();
        assertEquals(2, calls.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
