// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import java.io.IOException;

/**
 * Group commit for a database that writes its commits to the operating system but does not sync
 * them (H2): after its transaction committed, each caller waits until a sync of the file that
 * started after its commit has finished. One sync covers every commit that asked before it began,
 * so concurrent callers share it, as PostgreSQL's WAL writer lets concurrent commits share one
 * fsync. Without it, a message answered 250 would survive the server being killed but not the
 * machine losing power.
 */
final class GroupSync {

    /** The sync itself: {@code FileChannel.force}, or a counter in tests. */
    @FunctionalInterface
    interface Sync {
        void run() throws IOException;
    }

    private final Sync sync;
    private long requested;
    private long covered;
    private boolean syncing;

    GroupSync(Sync sync) {
        this.sync = sync;
    }

    /**
     * Returns once everything the caller's thread committed before the call is on disk.
     *
     * @throws IOException when the sync failed; what was committed may not be durable
     */
    void awaitDurable() throws IOException {
        long ticket;
        synchronized (this) {
            ticket = ++requested;
            while (covered < ticket && syncing) {
                waitForTurn();
            }
            if (covered >= ticket) {
                return;
            }
            syncing = true;
            ticket = requested; // this sync covers every commit that asked until now
        }
        boolean done = false;
        try {
            sync.run();
            done = true;
        } finally {
            synchronized (this) {
                syncing = false;
                if (done) {
                    covered = Math.max(covered, ticket);
                }
                notifyAll();
            }
        }
    }

    private void waitForTurn() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the disk", e);
        }
    }
}
