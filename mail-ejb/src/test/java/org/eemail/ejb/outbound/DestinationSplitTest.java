// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.ContentReader;
import org.junit.jupiter.api.Test;

class DestinationSplitTest {

    /** Message {@code id}'s entries, one per recipient. */
    private static List<ClaimedEntry> message(long id, int recipients) {
        return IntStream.rangeClosed(1, recipients).mapToObj(r -> new ClaimedEntry(id * 10 + r, "t",
                "r" + r + "@far.test", null, null, 0, Instant.EPOCH, id, "a@s.test", 30, null, null)).toList();
    }

    /** Messages 1..count; every third one has two recipients. */
    private static List<ClaimedEntry> messages(int count) {
        List<ClaimedEntry> entries = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            entries.addAll(message(id, id % 3 == 0 ? 2 : 1));
        }
        return entries;
    }

    private static List<List<Long>> messageIds(List<List<ClaimedEntry>> parts) {
        return parts.stream().map(part -> part.stream().map(ClaimedEntry::storedMessageId).distinct().toList()).toList();
    }

    @Test
    void wholeMessagesInQueueOrderAsEvenlyAsTheyCome() {
        List<ClaimedEntry> entries = messages(10);
        List<List<ClaimedEntry>> parts = DestinationSplit.of(entries, 3);

        assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L, 8L, 9L, 10L)), messageIds(parts));
        assertEquals(entries, parts.stream().flatMap(List::stream).toList(), "every entry once, in order");
    }

    @Test
    void neverMorePartsThanMessagesNorFewerThanOne() {
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), messageIds(DestinationSplit.of(messages(3), 20)));
        assertEquals(List.of(List.of(1L, 2L, 3L)), messageIds(DestinationSplit.of(messages(3), 1)));
        assertEquals(List.of(List.of(1L, 2L, 3L)), messageIds(DestinationSplit.of(messages(3), 0)));
    }

    @Test
    void thePartsGoOutOverAsManyConnectionsToThePeer() throws Exception {
        OutboundSettings settings = new OutboundSettings("mx.sender.test", 25, Duration.ofSeconds(5),
                Duration.ofSeconds(10), List.of(), Duration.ofSeconds(1), Optional.empty());
        byte[] content = "Subject: split\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        SmtpClient client = new SmtpClient(settings, new SmtpClient.ContentSource() {
            @Override
            public <T> T withContent(long id, ContentReader<T> reader) throws IOException {
                return reader.read(new ByteArrayInputStream(content));
            }
        });
        ExecutorService connections = Executors.newFixedThreadPool(4);
        // Each connection waits at its first RCPT until all four are open: a part that finished
        // early would otherwise hand its connection to the next one (the client reuses connections).
        CountDownLatch allOpen = new CountDownLatch(4);
        ThreadLocal<Boolean> counted = ThreadLocal.withInitial(() -> false);
        try (TestSmtpPeer peer = new TestSmtpPeer("127.0.0.1", 0)) {
            peer.rcptReply(recipient -> {
                if (!counted.get()) {
                    counted.set(true);
                    allOpen.countDown();
                    try {
                        allOpen.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return "250 2.1.5 Ok";
            });
            List<Future<List<RecipientResult>>> sent = new ArrayList<>();
            for (List<ClaimedEntry> part : DestinationSplit.of(messages(12), 4)) {
                sent.add(connections.submit(() -> client.deliver(List.of(new MailHost("mx.far.test", List.of(InetAddress.getLoopbackAddress()))),
                        peer.port(), DestinationSplit.byMessage(part))));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<List<RecipientResult>> part : sent) {
                part.get().forEach(result -> codes.add(result.code()));
            }

            assertEquals(4, peer.sessions().size(), "one connection per part");
            assertEquals(12, peer.received().size());
            assertEquals(16, codes.size());
            assertEquals(List.of(250), codes.stream().distinct().toList());
        } finally {
            connections.shutdownNow();
        }
    }
}
