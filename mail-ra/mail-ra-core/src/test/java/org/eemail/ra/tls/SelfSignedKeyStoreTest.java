// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedKeyStoreTest {

    /** Instances of a cluster on one data directory start at once: each must get a whole keystore. */
    @Test
    void writersStartingAtOnceEachReadAWholeKeystoreAndLeaveNoTemporaryFile(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("tls").resolve("self-signed.p12");
        int writers = 4;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<KeyStore>> stores = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                stores.add(threads.submit(() -> {
                    start.await();
                    return SelfSignedKeyStore.loadOrCreate(file, "mx.cluster.test");
                }));
            }
            for (Future<KeyStore> store : stores) {
                assertTrue(store.get().isKeyEntry(SelfSignedKeyStore.ALIAS));
            }
        } finally {
            threads.shutdownNow();
        }
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList());
        }
        assertTrue(SelfSignedKeyStore.loadOrCreate(file, "mx.cluster.test").isKeyEntry(SelfSignedKeyStore.ALIAS));
    }
}
