// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.api.ConsumerDispatch;
import org.eemail.ra.api.DispatchQueue;
import org.eemail.ra.protocol.SpooledMessageSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerDispatcherTest {

    private static final String TEXT = "Subject: Order 17\r\n\r\nTwo boxes\r\n";

    @TempDir
    Path spool;

    /** The dispatch queue in memory: one due dispatch until it is reported. */
    private static final class OneDispatch implements DispatchQueue {
        final List<String> outcomes = new ArrayList<>();
        ConsumerDispatch due;

        OneDispatch(int attempts) {
            due = new ConsumerDispatch(7, "orders", 42, attempts, "buyer@shop.test", List.of("orders@example.test"),
                    "192.0.2.1", "shop.test", Optional.empty(), true, TEXT.length());
        }

        @Override
        public List<ConsumerDispatch> claimDue(Set<String> consumers, int max, Duration claim) {
            return due != null && consumers.contains(due.consumer()) ? List.of(due) : List.of();
        }

        @Override
        public boolean copy(long messageId, OutputStream out) {
            try {
                out.write(TEXT.getBytes(StandardCharsets.US_ASCII));
                return messageId == 42;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void succeeded(long dispatchId) {
            outcomes.add("succeeded " + dispatchId);
            due = null;
        }

        @Override
        public void failed(long dispatchId, String error, Duration retryIn, boolean park) {
            outcomes.add("failed " + dispatchId + " retry " + retryIn + (park ? " parked" : "") + ": " + error);
            due = null;
        }
    }

    private ConsumerDispatcher dispatcher(ConsumerRegistry registry, DispatchQueue queue) {
        return new ConsumerDispatcher(registry, () -> Optional.of(queue),
                () -> new SpooledMessageSink(Long.MAX_VALUE, 1 << 16, spool), Duration.ofSeconds(5));
    }

    private static ConsumerRegistry registry(ConsumerRegistry.Target target) {
        ConsumerRegistry registry = new ConsumerRegistry();
        registry.add(new ConsumerRegistry.Member("orders", 0,
                new Selection(Optional.of(AddressPattern.of("orders@example.test")), Optional.empty(), Optional.empty()),
                true, 3, target));
        return registry;
    }

    @Test
    void theConsumerGetsTheEnvelopeAndTheParsedMessage() {
        List<String> seen = new ArrayList<>();
        OneDispatch queue = new OneDispatch(0);
        assertEquals(1, dispatcher(registry((method, call) -> call.accept((envelope, message) -> {
            try {
                seen.add(envelope.sender() + " " + envelope.recipients() + " " + message.id() + " " + message.mime().getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })), queue).dispatchDue());
        assertEquals(List.of("buyer@shop.test [orders@example.test] 42 Order 17"), seen);
        assertEquals(List.of("succeeded 7"), queue.outcomes);
    }

    @Test
    void aFailedCallIsRetriedLaterAndParkedAtTheLastAttempt() {
        ConsumerRegistry.Target failing = (method, call) -> {
            throw new IllegalStateException("rolled back");
        };
        OneDispatch first = new OneDispatch(0);
        dispatcher(registry(failing), first).dispatchDue();
        assertTrue(first.outcomes.get(0).startsWith("failed 7 retry PT5S: java.lang.IllegalStateException: rolled back"),
                first.outcomes.toString());
        OneDispatch last = new OneDispatch(2);
        dispatcher(registry(failing), last).dispatchDue();
        assertTrue(last.outcomes.get(0).startsWith("failed 7 retry PT20S parked"), last.outcomes.toString());
    }

    @Test
    void nothingIsClaimedWithoutActiveConsumers() {
        OneDispatch queue = new OneDispatch(0);
        assertEquals(0, dispatcher(new ConsumerRegistry(), queue).dispatchDue());
        assertEquals(List.of(), queue.outcomes);
    }

    @Test
    void theBackOffDoublesUpToAnHour() {
        assertEquals(Duration.ofSeconds(5), ConsumerDispatcher.retryAfter(1));
        assertEquals(Duration.ofSeconds(40), ConsumerDispatcher.retryAfter(4));
        assertEquals(Duration.ofHours(1), ConsumerDispatcher.retryAfter(40));
    }

    @Test
    void routesFollowPriorityAndConsumedAddressesAreKnown() {
        ConsumerRegistry registry = registry((method, call) -> { });
        registry.add(new ConsumerRegistry.Member("audit", -1, new Selection(Optional.empty(), Optional.of("example.test"),
                Optional.empty()), false, 3, (method, call) -> { }));
        var envelope = new org.eemail.ra.api.Envelope("buyer@shop.test",
                List.of(new org.eemail.ra.api.Recipient("orders@example.test", Set.of(), Optional.empty()),
                        new org.eemail.ra.api.Recipient("bob@example.test", Set.of(), Optional.empty())),
                "192.0.2.1", "shop.test", Optional.empty(), false, org.eemail.ra.api.Envelope.BodyType.SEVEN_BIT, false,
                Optional.empty(), Optional.empty());
        var routes = registry.routes(envelope);
        assertEquals(List.of("audit", "orders"), routes.stream().map(r -> r.consumer()).toList());
        assertEquals(List.of("orders@example.test", "bob@example.test"), routes.get(0).recipients());
        assertTrue(registry.consumes("ORDERS@example.test"));
        org.junit.jupiter.api.Assertions.assertFalse(registry.consumes("bob@example.test"));
    }
}
