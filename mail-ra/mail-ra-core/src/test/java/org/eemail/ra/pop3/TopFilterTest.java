// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopFilterTest {

    private static final String MESSAGE = "A: 1\r\nB: 2\r\n\r\none\r\ntwo\r\nthree\r\n";

    private static String top(String message, long lines, int pieceSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TopFilter top = new TopFilter(out, lines)) {
            byte[] octets = message.getBytes(StandardCharsets.US_ASCII);
            for (int at = 0; at < octets.length; at += pieceSize) {
                if (pieceSize == 1) {
                    top.write(octets[at]);
                } else {
                    top.write(octets, at, Math.min(pieceSize, octets.length - at));
                }
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void passesTheHeaderTheEmptyLineAndTheFirstBodyLines() throws IOException {
        for (int piece : new int[] {1, 3, 1000}) {
            assertEquals("A: 1\r\nB: 2\r\n\r\n", top(MESSAGE, 0, piece));
            assertEquals("A: 1\r\nB: 2\r\n\r\none\r\ntwo\r\n", top(MESSAGE, 2, piece));
            assertEquals(MESSAGE, top(MESSAGE, 99, piece));
        }
    }

    @Test
    void isCompleteRightAfterTheLastLineItPasses() throws IOException {
        TopFilter top = new TopFilter(new ByteArrayOutputStream(), 1);
        byte[] upToFirstLine = "A: 1\r\nB: 2\r\n\r\none\r".getBytes(StandardCharsets.US_ASCII);
        top.write(upToFirstLine, 0, upToFirstLine.length);
        assertFalse(top.complete(), "the first body line has not ended");
        top.write('\n');
        assertTrue(top.complete());
        assertFalse(new TopFilter(new ByteArrayOutputStream(), 0).complete(), "the header section comes first");
    }

    @Test
    void aMessageWithoutBodyIsPassedWhole() throws IOException {
        assertEquals("A: 1\r\n", top("A: 1\r\n", 0, 1000));
    }

    @Test
    void onlyCrlfEndsALine() throws IOException {
        assertEquals("A: 1\n\nB\r\n\r\nx\ny\r\n", top("A: 1\n\nB\r\n\r\nx\ny\r\nz\r\n", 1, 2));
    }
}
