// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotStuffedReaderTest {

    @TempDir
    Path spool;

    private SpooledMessageSink sink() {
        return new SpooledMessageSink(1 << 20, 1 << 16, spool);
    }

    private static String text(SpooledMessageSink sink) throws IOException {
        return new String(sink.open().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Feeds {@code wire} in pieces of {@code piece} octets; returns how many octets the message took. */
    private static int feed(DotStuffedReader reader, String wire, int piece) throws IOException {
        byte[] octets = wire.getBytes(StandardCharsets.ISO_8859_1);
        int consumed = 0;
        for (int at = 0; at < octets.length && !reader.ended(); at += piece) {
            consumed += reader.read(octets, at, Math.min(piece, octets.length - at));
        }
        return consumed;
    }

    @Test
    void removesStuffedDotsAndStopsAtTheDotLineInPiecesOfAnySize() throws IOException {
        String wire = "Subject: x\r\n\r\n..leading dot\r\n.\r\nQUIT\r\n";
        for (int piece = 1; piece <= wire.length(); piece++) {
            SpooledMessageSink sink = sink();
            DotStuffedReader reader = new DotStuffedReader(sink);
            assertEquals(wire.indexOf("QUIT"), feed(reader, wire, piece), "piece " + piece);
            assertTrue(reader.ended());
            assertEquals("Subject: x\r\n\r\n.leading dot\r\n", text(sink), "piece " + piece);
            assertFalse(sink.hasBareLineEnding());
        }
    }

    @Test
    void onlyCrLfDotCrLfEndsTheMessage() throws IOException {
        for (String smuggle : new String[] {"a\n.\r\nMAIL FROM:<x>\r\n", "a\r\n.\nMAIL FROM:<x>\r\n", "a\r.\r\nb\r\n"}) {
            SpooledMessageSink sink = sink();
            DotStuffedReader reader = new DotStuffedReader(sink);
            feed(reader, smuggle + ".\r\n", 7);
            assertTrue(reader.ended());
            assertTrue(text(sink).contains("MAIL FROM") || text(sink).contains("b"), "the smuggled part stays text");
            assertTrue(sink.hasBareLineEnding(), "bare line ending noticed in " + smuggle.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void aDotFollowedByCrWithoutLfIsText() throws IOException {
        SpooledMessageSink sink = sink();
        DotStuffedReader reader = new DotStuffedReader(sink);
        feed(reader, ".\rx\r\n.\r\n", 1);
        assertEquals("\rx\r\n", text(sink));
        assertTrue(sink.hasBareLineEnding());
    }

    @Test
    void anEmptyMessageIsJustTheDotLine() throws IOException {
        SpooledMessageSink sink = sink();
        DotStuffedReader reader = new DotStuffedReader(sink);
        assertEquals(3, feed(reader, ".\r\n", 3));
        assertEquals("", text(sink));
    }
}
