// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.stream.ChunkedStream;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eemail.ra.protocol.DotStuffedReader;
import org.eemail.ra.protocol.DotStuffingInputStream;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.MessageSession;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/**
 * Connects one channel to its protocol session. Input is framed here by the mode the session
 * asked for: CRLF-terminated command lines with a hard length limit, dot-stuffed DATA text, or an
 * exact number of BDAT octets. A call into the session that may block on the database runs on
 * the {@code worker} executor, any other at once on the event loop; either way the next input is
 * framed only once the answer is back, so pipelined commands are answered in order and bytes
 * after a mode change (DATA, BDAT, STARTTLS) are never mistaken for commands. Each reply leaves
 * in one write; message text that follows a reply (POP3 RETR, TOP) leaves dot-stuffed, in the
 * same write when it is held in memory, otherwise in chunks through the pipeline's
 * {@code ChunkedWriteHandler}, and then the next command is read only once it is all written.
 * Writes are flushed when no more input can be framed, or every {@link #FLUSH_AT} octets; while
 * the socket does not take more, no more input is framed, so a client that pipelines RETRs holds
 * a bounded amount of memory.
 *
 * <p>All fields are touched on the channel's event loop only.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = System.getLogger(SessionHandler.class.getName());
    /** Stop reading from the socket while this much input waits for the session. */
    private static final int MAX_PENDING = 64 * 1024;
    /** Octets of message text per write: large enough for throughput, small enough for memory. */
    private static final int TEXT_CHUNK = 64 * 1024;
    /** Message text up to this size (what a spool holds in memory) leaves in one write with its reply. */
    private static final int INLINE_TEXT = 256 * 1024;
    /** Octets written since the last flush after which the handler flushes before it frames more input. */
    private static final int FLUSH_AT = 64 * 1024;
    private static final ByteBuf CRLF = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));

    private enum Mode { LINE, DATA, CHUNK, HANDSHAKE }

    private final LineSession session;
    private final Executor worker;
    private final int maxLine;
    private final SslContext tls;

    private ChannelHandlerContext context;
    private ByteBuf pending;
    private Mode mode = Mode.LINE;
    private boolean busy;
    private boolean sessionClosed;
    private boolean discardingLongLine;
    private DotStuffedReader dataReader;
    private long chunkLeft;
    private int unflushed;

    /**
     * @param maxLine the longest command line, without its CRLF
     * @param tls     the context for STARTTLS, or {@code null} where the protocol offers none
     */
    SessionHandler(LineSession session, Executor worker, int maxLine, SslContext tls) {
        this.session = session;
        this.worker = worker;
        this.maxLine = maxLine;
        this.tls = tls;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        pending = ctx.alloc().heapBuffer();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        pending.release();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        write(session.greeting());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!busy) {
            closeSession(); // with a call in progress, its completion does this
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf input = (ByteBuf) msg;
        try {
            pending.writeBytes(input);
        } finally {
            input.release();
        }
        drain();
        if (pending.readableBytes() > MAX_PENDING) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /**
     * The socket takes more again: go on answering what the client pipelined. Later, not within
     * this event, which can fire in the middle of a flush of {@link #drain()} itself.
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.executor().execute(this::drain);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            writeAndClose(session.idleTimeout());
        } else if (event instanceof SslHandshakeCompletionEvent handshake && mode == Mode.HANDSHAKE) {
            if (!handshake.isSuccess()) {
                ctx.close();
                return;
            }
            session.tlsStarted();
            mode = Mode.LINE;
            drain();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, () -> ctx.channel() + " closed after " + cause);
        ctx.close();
    }

    LineSession sessionForTests() {
        return session;
    }

    /** Says goodbye because the server stops; called on any thread. */
    void shutDown() {
        ChannelHandlerContext ctx = context;
        ctx.executor().execute(() -> writeAndClose(session.shuttingDown()));
    }

    /** Frames as much pending input as the current mode allows. */
    private void drain() {
        try {
            while (!busy && context.channel().isActive() && context.channel().isWritable() && pending.isReadable()) {
                boolean progressed = switch (mode) {
                    case LINE -> nextLine();
                    case DATA -> nextData();
                    case CHUNK -> nextChunk();
                    case HANDSHAKE -> false;
                };
                if (!progressed) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, context.channel() + ": cannot keep the message: " + e);
            context.close();
        }
        if (unflushed > 0) {
            flush();
        }
        pending.discardSomeReadBytes();
        if (!busy && pending.readableBytes() <= MAX_PENDING) {
            context.channel().config().setAutoRead(true);
        }
    }

    private boolean nextLine() {
        int start = pending.readerIndex();
        int end = ByteBufUtil.indexOf(CRLF, pending);
        if (end < 0) {
            if (pending.readableBytes() > maxLine + 1) { // +1: a CR that may start the CRLF
                pending.skipBytes(pending.readableBytes() - 1);
                if (!discardingLongLine) {
                    discardingLongLine = true;
                    write(session.lineTooLong());
                }
            }
            return false;
        }
        int length = end - start;
        if (discardingLongLine || length > maxLine) {
            pending.skipBytes(length + 2);
            if (!discardingLongLine) {
                write(session.lineTooLong());
            }
            discardingLongLine = false;
            return true;
        }
        String line = pending.toString(start, length, StandardCharsets.UTF_8);
        pending.skipBytes(length + 2);
        if (session.mayBlock(line)) {
            call(() -> session.onLine(line));
            return true;
        }
        busy = true;
        return settle(answer(() -> session.onLine(line), context));
    }

    private boolean nextData() throws IOException {
        int readable = pending.readableBytes();
        int consumed = dataReader.read(pending.array(), pending.arrayOffset() + pending.readerIndex(), readable);
        pending.skipBytes(consumed);
        if (!dataReader.ended()) {
            return false;
        }
        dataReader = null;
        mode = Mode.LINE;
        call(((MessageSession) session)::onDataEnd);
        return true;
    }

    private boolean nextChunk() throws IOException {
        int take = (int) Math.min(chunkLeft, pending.readableBytes());
        ((MessageSession) session).messageSink().write(pending.array(), pending.arrayOffset() + pending.readerIndex(), take);
        pending.skipBytes(take);
        chunkLeft -= take;
        if (chunkLeft > 0) {
            return false;
        }
        mode = Mode.LINE;
        call(((MessageSession) session)::onChunkEnd);
        return true;
    }

    /** Runs one session call on the worker and applies its response back on the event loop. */
    private void call(Callable<Response> sessionCall) {
        busy = true;
        ChannelHandlerContext ctx = context;
        worker.execute(() -> {
            Response answer = answer(sessionCall, ctx);
            ctx.executor().execute(() -> apply(answer));
        });
    }

    /** The session's response, or {@code null} when the session failed. */
    private static Response answer(Callable<Response> sessionCall, ChannelHandlerContext ctx) {
        try {
            return sessionCall.call();
        } catch (Exception | Error bug) {
            LOG.log(Level.ERROR, ctx.channel() + ": the session failed; closing the connection", bug);
            return null;
        }
    }

    private void apply(Response response) {
        if (settle(response)) {
            drain();
        }
    }

    /**
     * Acts on a session's response: writes the reply and switches the framing mode.
     *
     * @return whether more input may be framed now; {@code false} while a delayed reply or another
     *         session call is pending, or when the connection is gone
     */
    private boolean settle(Response response) {
        if (response != null && !response.delay().isZero()) {
            // still busy: nothing more is read from this client until the delayed reply is out
            context.executor().schedule(() -> apply(response.delayed(Duration.ZERO)),
                    response.delay().toMillis(), TimeUnit.MILLISECONDS);
            return false;
        }
        if (!context.channel().isActive()) {
            busy = false;
            if (response != null && response.body() != null) {
                response.body().discard();
            }
            closeSession();
            return false;
        }
        if (response == null) {
            busy = false;
            context.close();
            return false;
        }
        if (response.body() != null && response.body().size() <= INLINE_TEXT) {
            busy = false;
            return writeText(response.reply(), response.body());
        }
        if (response.body() != null) {
            sendText(response.reply(), response.body()); // stays busy until the text is out
            return false;
        }
        busy = false;
        switch (response.next()) {
            case READ_LINE -> write(response.reply());
            case CLOSE -> writeAndClose(response.reply());
            case START_TLS -> startTls(response.reply());
            case READ_DATA -> {
                write(response.reply());
                dataReader = new DotStuffedReader(((MessageSession) session).messageSink());
                mode = Mode.DATA;
            }
            case READ_CHUNK -> {
                chunkLeft = response.chunkSize();
                mode = Mode.CHUNK;
                if (chunkLeft == 0) {
                    mode = Mode.LINE;
                    call(((MessageSession) session)::onChunkEnd);
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Writes {@code reply} and {@code text}, dot-stuffed and ended by the line ".", in one buffer,
     * and frees the text. Flushes only every {@link #FLUSH_AT} octets, and at the end of
     * {@link #drain()}: a client that pipelines RETRs of small messages gets many in one packet.
     *
     * @return whether more input may be framed now
     */
    private boolean writeText(Reply reply, MessageSink text) {
        byte[] octets;
        try (InputStream in = text.open()) {
            octets = in.readNBytes((int) text.size());
        } catch (IOException e) {
            LOG.log(Level.WARNING, context.channel() + ": cannot read the spooled message: " + e);
            context.close();
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

    private void flush() {
        unflushed = 0;
        context.flush();
    }

    /**
     * Writes {@code reply}, then {@code text} dot-stuffed and ended by the line ".", in chunks as
     * the socket takes them; then frees the text and goes on reading commands.
     */
    private void sendText(Reply reply, MessageSink text) {
        DotStuffingInputStream stuffed;
        try {
            stuffed = new DotStuffingInputStream(text.open());
        } catch (IOException e) {
            LOG.log(Level.WARNING, context.channel() + ": cannot read the spooled message: " + e);
            text.discard();
            busy = false;
            context.close();
            return;
        }
        context.write(encode(reply), context.voidPromise());
        context.writeAndFlush(new ChunkedStream(stuffed, TEXT_CHUNK)).addListener(written -> {
            text.discard();
            busy = false;
            if (!written.isSuccess() || !context.channel().isActive()) {
                context.close();
                closeSession();
                return;
            }
            drain();
        });
    }

    /**
     * Tells the session, once, that its connection ended; off the event loop, since releasing what
     * it holds (a POP3 maildrop lock) may block on the database.
     */
    private void closeSession() {
        if (sessionClosed) {
            return;
        }
        sessionClosed = true;
        Runnable close = () -> {
            try {
                session.closed();
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, context.channel() + ": the session failed to release what it held", failure);
            }
        };
        try {
            worker.execute(close);
        } catch (RejectedExecutionException stopping) {
            close.run(); // the server is stopping: no worker takes it
        }
    }

    /**
     * RFC 3207 §4.2 and CVE-2011-0411: whatever the client sent after STARTTLS and before the
     * handshake is discarded, so that no plaintext command can be injected into the TLS session.
     */
    private void startTls(Reply ready) {
        // startTls: the first write, the 220, still leaves in clear
        context.pipeline().addFirst("tls", new SslHandler(tls.newEngine(context.alloc()), true));
        write(ready);
        pending.clear();
        mode = Mode.HANDSHAKE;
    }

    private void write(Reply reply) {
        context.writeAndFlush(encode(reply), context.voidPromise());
    }

    private void writeAndClose(Reply reply) {
        if (context.channel().isActive()) {
            context.writeAndFlush(encode(reply)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private ByteBuf encode(Reply reply) {
        return ByteBufUtil.encodeString(context.alloc(), CharBuffer.wrap(reply.wireText()), StandardCharsets.UTF_8);
    }

}
