// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Renews the POP3 locks of this server at {@link MaildropBackend#RENEWAL_INTERVAL} until
 * {@link #stop()}: runs as one long-lived Work, since a resource adapter has no timers of its own.
 */
final class LeaseRenewal implements Runnable {

    private final MaildropBackend backend;
    private final CountDownLatch stopped = new CountDownLatch(1);

    LeaseRenewal(MaildropBackend backend) {
        this.backend = backend;
    }

    @Override
    public void run() {
        try {
            while (!stopped.await(MaildropBackend.RENEWAL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                backend.renewLeases();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        stopped.countDown();
    }
}
