// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.io.IOException;
import java.io.InputStream;

/**
 * The text of a multi-line POP3 response as it goes on the wire (RFC 1939 §3): every line that
 * starts with {@code .} gets one more, and the line {@code .} ends the text. A text that does not
 * end with CRLF gets one before that line, so the terminator always starts a line. Only CRLF ends a
 * line, as in {@link DotStuffedReader}, so what the client undoes is exactly what was stored.
 * Reads its source in blocks; never holds more than one block.
 */
public final class DotStuffingInputStream extends InputStream {

    private static final byte[] TERMINATOR = {'.', '\r', '\n'};
    private static final byte[] CRLF_TERMINATOR = {'\r', '\n', '.', '\r', '\n'};
    private static final int BLOCK = 16 * 1024;

    private final InputStream source;
    /** Source octets read but not yet passed on, plus room for the dots added to them. */
    private final byte[] block = new byte[BLOCK];
    private final byte[] out = new byte[BLOCK * 2];
    private int outStart;
    private int outEnd;
    /** Whether the next source octet starts a line: at the start, and after CRLF. */
    private boolean lineStart = true;
    private boolean lastWasCr;
    private boolean sourceEnded;
    private byte[] tail;
    private int tailAt;

    public DotStuffingInputStream(InputStream source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            if (!fill()) {
                return readTail(target, offset, length);
            }
        }
        int n = Math.min(length, outEnd - outStart);
        System.arraycopy(out, outStart, target, offset, n);
        outStart += n;
        return n;
    }

    /** Stuffs the next block of the source into {@code out}; false once the source has ended. */
    private boolean fill() throws IOException {
        if (sourceEnded) {
            return false;
        }
        int n = source.read(block, 0, BLOCK);
        if (n < 0) {
            sourceEnded = true;
            tail = lineStart ? TERMINATOR : CRLF_TERMINATOR;
            return false;
        }
        outStart = 0;
        outEnd = 0;
        for (int i = 0; i < n; i++) {
            byte b = block[i];
            if (lineStart && b == '.') {
                out[outEnd++] = '.';
            }
            out[outEnd++] = b;
            lineStart = lastWasCr && b == '\n';
            lastWasCr = b == '\r';
        }
        return true;
    }

    private int readTail(byte[] target, int offset, int length) {
        if (tailAt == tail.length) {
            return -1;
        }
        int n = Math.min(length, tail.length - tailAt);
        System.arraycopy(tail, tailAt, target, offset, n);
        tailAt += n;
        return n;
    }

    /**
     * The octets ready without reading further than one block of the source. Netty's
     * {@code ChunkedStream} sizes each chunk by this: with the default 0 it would, after its
     * one-octet look-ahead, send the rest of the text one octet per write.
     */
    @Override
    public int available() throws IOException {
        if (outStart == outEnd && !sourceEnded) {
            fill();
        }
        if (outStart < outEnd) {
            return outEnd - outStart;
        }
        return tail == null ? 0 : tail.length - tailAt;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
