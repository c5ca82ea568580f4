// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eemail.api.MailConsumer;
import org.eemail.api.MailEnvelope;
import org.eemail.api.ReceivedMessage;
import org.eemail.ra.api.ConsumerDispatch;
import org.eemail.ra.api.DispatchQueue;
import org.eemail.ra.protocol.MessageSink;

/**
 * Delivers accepted messages to the applications' consumers, at least once: claims the due
 * dispatches from the {@link DispatchQueue}, copies each message, calls the consumer, and
 * reports success, or failure with a back-off (5 s, doubling, at most an hour) until the
 * consumer's {@code maxAttempts}, when the dispatch is parked. Runs as one long-lived task:
 * woken by {@link #soon()} right after a message was accepted, and every {@code poll} for retries
 * and for dispatches left by an earlier run.
 */
public final class ConsumerDispatcher implements Runnable {

    private static final Logger LOG = System.getLogger(ConsumerDispatcher.class.getName());
    private static final Method ON_MAIL = onMail();
    private static final int BATCH = 32;
    /** How long a claimed dispatch waits before another run may take it: longer than any call. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final ConsumerRegistry consumers;
    private final Supplier<Optional<DispatchQueue>> queue;
    private final Supplier<MessageSink> sinks;
    private final Duration poll;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;

    /**
     * @param consumers the active consumers
     * @param queue     the dispatch queue, empty while the mail application is not active
     * @param sinks     a new place for one message's text
     * @param poll      the longest pause between two looks at the queue
     */
    public ConsumerDispatcher(ConsumerRegistry consumers, Supplier<Optional<DispatchQueue>> queue,
                              Supplier<MessageSink> sinks, Duration poll) {
        this.consumers = consumers;
        this.queue = queue;
        this.sinks = sinks;
        this.poll = poll;
    }

    private static Method onMail() {
        try {
            return MailConsumer.class.getMethod("onMail", MailEnvelope.class, ReceivedMessage.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message was accepted: look at the queue now. */
    public void soon() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    public void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            try {
                wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && dispatchDue() == BATCH) {
                    // a full batch: there may be more
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "consumer dispatch failed; retrying at the next poll", e);
            }
        }
    }

    /** One pass: claims and delivers a batch of due dispatches; how many it claimed. */
    public int dispatchDue() {
        Set<String> active = consumers.names();
        Optional<DispatchQueue> dispatches = queue.get();
        if (active.isEmpty() || dispatches.isEmpty()) {
            return 0;
        }
        List<ConsumerDispatch> due = dispatches.get().claimDue(active, BATCH, CLAIM);
        for (ConsumerDispatch dispatch : due) {
            deliver(dispatches.get(), dispatch);
        }
        return due.size();
    }

    private void deliver(DispatchQueue dispatches, ConsumerDispatch dispatch) {
        Optional<ConsumerRegistry.Member> consumer = consumers.find(dispatch.consumer());
        if (consumer.isEmpty()) {
            return;  // undeployed meanwhile: the claim runs out and the next deployment gets it
        }
        MessageSink text = sinks.get();
        try {
            if (!copy(dispatches, dispatch.messageId(), text)) {
                dispatches.failed(dispatch.id(), "the stored message no longer exists", LONGEST_RETRY, true);
                return;
            }
            MailEnvelope envelope = new MailEnvelope(dispatch.sender(), dispatch.recipients(), dispatch.clientAddress(),
                    dispatch.heloName(), dispatch.identity(), dispatch.tls());
            ReceivedMessage message = new ReceivedMessage(Long.toString(dispatch.messageId()), text.size(), text::open);
            consumer.get().target().deliver(ON_MAIL, c -> c.onMail(envelope, message));
            dispatches.succeeded(dispatch.id());
        } catch (RuntimeException failure) {
            int attempts = dispatch.attempts() + 1;
            boolean park = attempts >= consumer.get().maxAttempts();
            LOG.log(Level.WARNING, "consumer " + dispatch.consumer() + " failed on message " + dispatch.messageId()
                    + " (attempt " + attempts + (park ? "; parked)" : ")"), failure);
            dispatches.failed(dispatch.id(), describe(failure), retryAfter(attempts), park);
        } finally {
            text.discard();
        }
    }

    private static boolean copy(DispatchQueue dispatches, long messageId, MessageSink text) {
        try (OutputStream out = into(text)) {
            return dispatches.copy(messageId, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream into(MessageSink sink) {
        return new OutputStream() {
            @Override
            public void write(int octet) throws IOException {
                sink.write(new byte[] {(byte) octet}, 0, 1);
            }

            @Override
            public void write(byte[] octets, int offset, int length) throws IOException {
                sink.write(octets, offset, length);
            }
        };
    }

    /** The pause after the {@code attempts}-th failed call: 5 s, doubling, at most an hour. */
    static Duration retryAfter(int attempts) {
        Duration delay = FIRST_RETRY;
        for (int i = 1; i < attempts && delay.compareTo(LONGEST_RETRY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST_RETRY) < 0 ? delay : LONGEST_RETRY;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 1500; t = t.getCause()) {
            text.append(text.isEmpty() ? "" : "; caused by ").append(t);
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }
}
