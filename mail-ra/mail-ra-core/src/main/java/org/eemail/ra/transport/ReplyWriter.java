// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import org.eemail.ra.protocol.DotStuffingInputStream;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Reply;

/**
 * The output side of a {@link SessionHandler}: writes replies, and the message text that follows
 * a reply (POP3 RETR, TOP) dot-stuffed, in the same write when it is held in memory, otherwise in
 * chunks through the pipeline's {@code ChunkedWriteHandler}. Replies with text held in memory are
 * flushed every {@link #FLUSH_AT} octets and when the handler has no more input to frame
 * ({@link #flushPending()}); any other reply is flushed at once.
 *
 * <p>Used on the channel's event loop only.
 */
final class ReplyWriter {

    private static final Logger LOG = System.getLogger(ReplyWriter.class.getName());
    /** Octets of message text per write: large enough for throughput, small enough for memory. */
    private static final int TEXT_CHUNK = 64 * 1024;
    /** Message text up to this size (what a spool holds in memory) leaves in one write with its reply. */
    private static final int INLINE_TEXT = 256 * 1024;
    /** Octets written since the last flush after which the writer flushes before more input is framed. */
    private static final int FLUSH_AT = 64 * 1024;

    private final ChannelHandlerContext context;
    private int unflushed;

    ReplyWriter(ChannelHandlerContext context) {
        this.context = context;
    }

    /** Whether {@code text} is small enough for {@link #writeText}; a larger one goes to {@link #sendText}. */
    static boolean fitsInline(MessageSink text) {
        return text.size() <= INLINE_TEXT;
    }

    void write(Reply reply) {
        context.writeAndFlush(encode(reply), context.voidPromise());
    }

    void writeAndClose(Reply reply) {
        if (context.channel().isActive()) {
            context.writeAndFlush(encode(reply)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * Writes {@code reply} and {@code text}, dot-stuffed and ended by the line ".", in one buffer,
     * and frees the text. Flushes only every {@link #FLUSH_AT} octets, and at the end of the
     * handler's drain: a client that pipelines RETRs of small messages gets many in one packet.
     *
     * @return {@code false} when the text cannot be read, and nothing was written
     */
    boolean writeText(Reply reply, MessageSink text) {
        byte[] octets;
        try (InputStream in = text.open()) {
            octets = in.readNBytes((int) text.size());
        } catch (IOException e) {
            LOG.log(Level.WARNING, context.channel() + ": cannot read the spooled message: " + e);
            return false;
        } finally {
            text.discard();
        }
        ByteBuf out = InlineText.encode(context.alloc(), reply.wireText(), octets);
        unflushed += out.readableBytes();
        context.write(out, context.voidPromise());
        if (unflushed >= FLUSH_AT) {
            flush();
        }
        return true;
    }

    /**
     * Writes {@code reply}, then {@code text} dot-stuffed and ended by the line ".", in chunks as
     * the socket takes them; then frees the text and tells {@code whenWritten}.
     *
     * @return {@code false} when the text cannot be read: it is freed, nothing was written and
     *         {@code whenWritten} is not told
     */
    boolean sendText(Reply reply, MessageSink text, ChannelFutureListener whenWritten) {
        DotStuffingInputStream stuffed;
        try {
            stuffed = new DotStuffingInputStream(text.open());
        } catch (IOException e) {
            LOG.log(Level.WARNING, context.channel() + ": cannot read the spooled message: " + e);
            text.discard();
            return false;
        }
        context.write(encode(reply), context.voidPromise());
        context.writeAndFlush(new ChunkedStream(stuffed, TEXT_CHUNK)).addListener((ChannelFutureListener) written -> {
            text.discard();
            whenWritten.operationComplete(written);
        });
        return true;
    }

    /** Flushes what {@link #writeText} has left unflushed, if anything. */
    void flushPending() {
        if (unflushed > 0) {
            flush();
        }
    }

    private void flush() {
        unflushed = 0;
        context.flush();
    }

    private ByteBuf encode(Reply reply) {
        return ByteBufUtil.encodeString(context.alloc(), CharBuffer.wrap(reply.wireText()), StandardCharsets.UTF_8);
    }
}
