// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApopKeyTest {

    /** Instances of a cluster sharing a data directory may make the key at the same moment. */
    @Test
    void makersAtTheSameMomentAllUseOneWholeKeyAndLeaveNoTemporaryFile(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("apop.key");
        int makers = 8;
        CyclicBarrier start = new CyclicBarrier(makers);
        ExecutorService threads = Executors.newFixedThreadPool(makers);
        List<byte[]> keys = new ArrayList<>();
        try {
            List<Future<byte[]>> made = new ArrayList<>();
            for (int i = 0; i < makers; i++) {
                made.add(threads.submit(() -> {
                    start.await();
                    return ApopKey.fromFile(file);
                }));
            }
            for (Future<byte[]> key : made) {
                keys.add(key.get());
            }
        } finally {
            threads.shutdownNow();
        }
        for (byte[] key : keys) {
            assertEquals(32, key.length);
            assertArrayEquals(keys.get(0), key);
        }
        assertArrayEquals(keys.get(0), ApopKey.fromFile(file), "read again");
        try (Stream<Path> left = Files.list(dataDir)) {
            assertEquals(List.of(file), left.toList());
        }
    }
}
