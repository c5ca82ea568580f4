// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

/**
 * The dot-stuffing of a multi-line POP3 response (RFC 1939 §3) for a text held whole in memory,
 * the same as {@link DotStuffingInputStream} does for a stream: a {@code .} that starts a line
 * gets one more, and the line {@code .} ends the text, after a CRLF when the text does not end
 * with one. Only CRLF ends a line. Finds where the dots go, so that the transport copies the text
 * once, straight into its buffer.
 */
public final class DotStuffing {

    private DotStuffing() {
    }

    /**
     * The index of the first {@code .} at or after {@code from} and before {@code end} that
     * starts a line of {@code text} (at index 0 or right after CRLF), or -1: another {@code .}
     * goes before it on the wire.
     */
    public static int nextLineStartDot(byte[] text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (text[i] == '.' && (i == 0 || i >= 2 && text[i - 1] == '\n' && text[i - 2] == '\r')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the line {@code .} may follow the first {@code length} octets of {@code text} at
     * once: the text is empty or ends with CRLF. Otherwise a CRLF goes first.
     */
    public static boolean endsLine(byte[] text, int length) {
        return length == 0 || length >= 2 && text[length - 2] == '\r' && text[length - 1] == '\n';
    }
}
