// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledMessageSinkTest {

    @TempDir
    Path spool;

    private static long files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void keepsSmallMessagesInMemoryAndLargeOnesInAFileByteForByte() throws IOException {
        byte[] message = new byte[300_000];
        new Random(1).nextBytes(message);
        SpooledMessageSink sink = new SpooledMessageSink(1 << 20, 65_536, spool);
        for (int at = 0; at < message.length; at += 1000) {
            sink.write(message, at, Math.min(1000, message.length - at));
            if (at < 60_000) {
                assertEquals(0, files(spool), "still in memory at " + at);
            }
        }
        assertEquals(1, files(spool));
        try (InputStream in = sink.open()) {
            assertArrayEquals(message, in.readAllBytes());
        }
        sink.discard();
        assertEquals(0, files(spool), "the spool file is deleted");
    }

    @Test
    void aSinkHoldingOctetsReadsThemBackAndKeepsNothingMore() throws IOException {
        byte[] octets = "Subject: x\r\n\r\nbare\nLF\r\n".getBytes(StandardCharsets.US_ASCII);
        SpooledMessageSink sink = SpooledMessageSink.holding(octets);

        sink.write(new byte[] {'x'}, 0, 1);

        try (InputStream in = sink.open()) {
            assertArrayEquals(octets, in.readAllBytes());
        }
        assertEquals(octets.length + 1, sink.size());
        assertTrue(sink.overLimit(), "nothing more is kept");
        assertTrue(sink.hasBareLineEnding());
        sink.discard();
    }

    @Test
    void countsButDoesNotKeepOctetsPastTheLimit() throws IOException {
        SpooledMessageSink sink = new SpooledMessageSink(10, 100, spool);
        byte[] octets = "0123456789abcdef".getBytes();
        sink.write(octets, 0, octets.length);
        assertEquals(16, sink.size());
        assertTrue(sink.overLimit());
        try (InputStream in = sink.open()) {
            assertEquals(10, in.readAllBytes().length);
        }
    }

    @Test
    void noticesBareLineEndingsAcrossWrites() throws IOException {
        SpooledMessageSink crlfSplit = new SpooledMessageSink(100, 100, spool);
        crlfSplit.write("a\r".getBytes(), 0, 2);
        crlfSplit.write("\nb\r\n".getBytes(), 0, 4);
        assertFalse(crlfSplit.hasBareLineEnding(), "CRLF split over two writes is fine");

        SpooledMessageSink bareLf = new SpooledMessageSink(100, 100, spool);
        bareLf.write("a\nb\r\n".getBytes(), 0, 5);
        assertTrue(bareLf.hasBareLineEnding());

        SpooledMessageSink bareCr = new SpooledMessageSink(100, 100, spool);
        bareCr.write("a\rb\r\n".getBytes(), 0, 5);
        assertTrue(bareCr.hasBareLineEnding());
    }
}
