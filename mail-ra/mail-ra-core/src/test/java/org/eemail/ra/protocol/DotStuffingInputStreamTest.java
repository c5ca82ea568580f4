// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotStuffingInputStreamTest {

    private static String stuffed(String text) throws IOException {
        return new String(new DotStuffingInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))
                .readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void linesStartingWithADotGetOneMoreAndTheTextEndsWithTheDotLine() throws IOException {
        assertEquals("a\r\n..b\r\n..\r\n...\r\nc.d\r\n.\r\n", stuffed("a\r\n.b\r\n.\r\n..\r\nc.d\r\n"));
        assertEquals("..first\r\n.\r\n", stuffed(".first\r\n"));
    }

    @Test
    void anEmptyTextIsTheDotLineAlone() throws IOException {
        assertEquals(".\r\n", stuffed(""));
    }

    @Test
    void aTextWithoutFinalCrlfGetsOneBeforeTheDotLine() throws IOException {
        assertEquals("no end\r\n.\r\n", stuffed("no end"));
        assertEquals("cr\r\r\n.\r\n", stuffed("cr\r"));
    }

    @Test
    void availableCountsWhatIsReadyUpToTheTerminator() throws IOException {
        InputStream stuffed = new DotStuffingInputStream(new ByteArrayInputStream("ab\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(4, stuffed.available());
        assertEquals('a', stuffed.read());
        assertEquals(3, stuffed.available());
        stuffed.readNBytes(3);
        assertEquals(3, stuffed.available(), "the line \".\"");
        stuffed.readNBytes(3);
        assertEquals(0, stuffed.available());
        assertEquals(-1, stuffed.read());
    }

    @Test
    void onlyCrlfStartsALine() throws IOException {
        assertEquals("a\n.b\ra\r.c\r\n.\r\n", stuffed("a\n.b\ra\r.c\r\n"));
    }

    @Test
    void undoingTheStuffingGivesBackEveryOctetWhateverTheReadSizes() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] alphabet = {'.', '.', '\r', '\n', 'a', (byte) 0xE4, 0};
        for (int i = 0; i < 200_000; i++) {
            text.write(alphabet[random.nextInt(alphabet.length)]);
        }
        text.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] original = text.toByteArray();
        InputStream stuffed = new DotStuffingInputStream(new ByteArrayInputStream(original));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 + random.nextInt(5000)];
        for (int n; (n = stuffed.read(buffer, 0, 1 + random.nextInt(buffer.length))) >= 0; ) {
            wire.write(buffer, 0, n);
        }
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        DotStuffedReader reader = new DotStuffedReader(new CollectingSink(back));
        byte[] onWire = wire.toByteArray();
        assertEquals(onWire.length, reader.read(onWire, 0, onWire.length));
        assertArrayEquals(original, back.toByteArray());
    }

    /** Keeps what the reader passes on. */
    private record CollectingSink(ByteArrayOutputStream out) implements MessageSink {

        @Override
        public void write(byte[] octets, int offset, int length) {
            out.write(octets, offset, length);
        }

        @Override
        public long size() {
            return out.size();
        }

        @Override
        public boolean overLimit() {
            return false;
        }

        @Override
        public boolean hasBareLineEnding() {
            return false;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(out.toByteArray());
        }

        @Override
        public void discard() {
        }
    }
}
