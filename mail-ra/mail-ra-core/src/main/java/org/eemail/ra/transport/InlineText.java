// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.eemail.ra.protocol.DotStuffing;

/**
 * A reply and the message text that follows it (POP3 RETR, TOP) in one buffer, for a text held
 * in memory: the text is copied once, dot-stuffed on the way, and ended by the line {@code .}
 * (RFC 1939 §3), so a small message leaves in one write.
 */
final class InlineText {

    private static final byte[] TERMINATOR = {'.', '\r', '\n'};
    private static final byte[] CRLF_TERMINATOR = {'\r', '\n', '.', '\r', '\n'};

    private InlineText() {
    }

    /** {@code status} (the reply's wire text), then {@code text} as it goes on the wire. */
    static ByteBuf encode(ByteBufAllocator alloc, String status, byte[] text) {
        // a few dots more than the text, usually none; the buffer grows if there are more
        ByteBuf out = alloc.buffer(status.length() + text.length + 16 + text.length / 256);
        out.writeCharSequence(status, StandardCharsets.UTF_8);
        int from = 0;
        for (int dot = DotStuffing.nextLineStartDot(text, 0, text.length); dot >= 0;
                dot = DotStuffing.nextLineStartDot(text, dot + 1, text.length)) {
            out.writeBytes(text, from, dot - from).writeByte('.');
            from = dot;
        }
        out.writeBytes(text, from, text.length - from);
        return out.writeBytes(DotStuffing.endsLine(text, text.length) ? TERMINATOR : CRLF_TERMINATOR);
    }
}
