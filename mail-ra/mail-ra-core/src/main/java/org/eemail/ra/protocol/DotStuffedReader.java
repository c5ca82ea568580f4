// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.io.IOException;

/**
 * Reads SMTP DATA text (RFC 5321 §4.1.1.4, §4.5.2): removes the dot that the client added to
 * every line starting with one, and stops at the line that is a single dot.
 *
 * <p>Only CRLF ends a line here. A bare LF or CR is message text, so {@code <LF>.<CR><LF>} and
 * {@code <CR><LF>.<LF>} never end the message (SMTP smuggling); the sink notices the bare line
 * ending and the session refuses such a message. Free of sockets: the transport feeds it whatever
 * octets arrive, in pieces of any size.
 */
public final class DotStuffedReader {

    private enum State { LINE_START, DOT, DOT_CR, TEXT, CR }

    private static final byte[] HELD_CR = {'\r'};

    private final MessageSink sink;
    private State state = State.LINE_START;
    private boolean ended;

    public DotStuffedReader(MessageSink sink) {
        this.sink = sink;
    }

    /**
     * Consumes octets from {@code input[offset..offset+length)} until the end of the message.
     *
     * @return how many octets were consumed; fewer than {@code length} only when the message
     *         ended, and what follows belongs to the next command (pipelining)
     */
    public int read(byte[] input, int offset, int length) throws IOException {
        if (ended) {
            throw new IllegalStateException("the message has ended");
        }
        int end = offset + length;
        int run = offset; // start of the octets not yet written to the sink
        for (int i = offset; i < end; i++) {
            byte b = input[i];
            switch (state) {
                case LINE_START -> {
                    if (b == '.') {
                        flush(input, run, i);
                        run = i + 1; // drop the dot: stuffing, or the final line
                        state = State.DOT;
                    } else {
                        state = b == '\r' ? State.CR : State.TEXT;
                    }
                }
                case DOT -> {
                    if (b == '\r') {
                        run = i + 1; // hold the CR back: "." CR LF is the end
                        state = State.DOT_CR;
                    } else {
                        state = State.TEXT;
                    }
                }
                case DOT_CR -> {
                    if (b == '\n') {
                        ended = true;
                        return i + 1 - offset;
                    }
                    sink.write(HELD_CR, 0, 1);
                    run = i;
                    state = b == '\r' ? State.CR : State.TEXT;
                }
                case TEXT -> state = b == '\r' ? State.CR : State.TEXT;
                case CR -> state = b == '\n' ? State.LINE_START : b == '\r' ? State.CR : State.TEXT;
            }
        }
        flush(input, run, end);
        return length;
    }

    /** Whether the line {@code .} has been read. */
    public boolean ended() {
        return ended;
    }

    private void flush(byte[] input, int from, int to) throws IOException {
        if (to > from) {
            sink.write(input, from, to - from);
        }
    }
}
