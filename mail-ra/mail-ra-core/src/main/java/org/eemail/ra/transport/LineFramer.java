// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Frames CRLF-terminated command lines out of a {@link SessionHandler}'s pending input, with a
 * hard length limit: a longer line is discarded whole, up to its CRLF, and reported once, without
 * holding more than the limit in memory.
 *
 * <p>Used on the channel's event loop only.
 */
final class LineFramer {

    private static final ByteBuf CRLF = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));

    private final int maxLine;
    private final Predicate<String> onLine;
    private final Runnable onTooLong;
    private boolean discardingLongLine;

    /**
     * @param maxLine   the longest command line, without its CRLF
     * @param onLine    takes each line, without its CRLF; answers whether more input may be framed now
     * @param onTooLong told once per line longer than {@code maxLine}
     */
    LineFramer(int maxLine, Predicate<String> onLine, Runnable onTooLong) {
        this.maxLine = maxLine;
        this.onLine = onLine;
        this.onTooLong = onTooLong;
    }

    /**
     * Takes the next line, or the next part of a line too long, out of {@code input}.
     *
     * @return whether more input may be framed now: {@code false} when no complete line is left,
     *         else what {@code onLine} answered, or {@code true} after a line too long
     */
    boolean next(ByteBuf input) {
        int start = input.readerIndex();
        int end = ByteBufUtil.indexOf(CRLF, input);
        if (end < 0) {
            if (input.readableBytes() > maxLine + 1) { // +1: a CR that may start the CRLF
                input.skipBytes(input.readableBytes() - 1);
                if (!discardingLongLine) {
                    discardingLongLine = true;
                    onTooLong.run();
                }
            }
            return false;
        }
        int length = end - start;
        if (discardingLongLine || length > maxLine) {
            input.skipBytes(length + 2);
            if (!discardingLongLine) {
                onTooLong.run();
            }
            discardingLongLine = false;
            return true;
        }
        String line = input.toString(start, length, StandardCharsets.UTF_8);
        input.skipBytes(length + 2);
        return onLine.test(line);
    }
}
