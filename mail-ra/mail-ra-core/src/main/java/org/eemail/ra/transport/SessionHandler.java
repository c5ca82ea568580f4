// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eemail.ra.protocol.DotStuffedReader;
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
 * after a mode change (DATA, BDAT, STARTTLS) are never mistaken for commands. Replies and the
 * message text that follows them leave through a {@link ReplyWriter}; text sent in chunks is
 * all written before the next command is read. Writes held back are flushed when no more input
 * can be framed; while the socket does not take more, no more input is framed, so a client that
 * pipelines RETRs holds a bounded amount of memory.
 *
 * <p>All fields are touched on the channel's event loop only.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = System.getLogger(SessionHandler.class.getName());
    /** Stop reading from the socket while this much input waits for the session. */
    private static final int MAX_PENDING = 64 * 1024;

    private enum Mode { LINE, DATA, CHUNK, HANDSHAKE }

    private final LineSession session;
    private final Executor worker;
    private final SslContext tls;
    private final LineFramer lines;

    private ChannelHandlerContext context;
    private ReplyWriter output;
    private ByteBuf pending;
    private Mode mode = Mode.LINE;
    private boolean busy;
    private boolean sessionClosed;
    private DotStuffedReader dataReader;
    private long chunkLeft;

    /**
     * @param maxLine the longest command line, without its CRLF
     * @param tls     the context for STARTTLS, or {@code null} where the protocol offers none
     */
    SessionHandler(LineSession session, Executor worker, int maxLine, SslContext tls) {
        this.session = session;
        this.worker = worker;
        this.tls = tls;
        this.lines = new LineFramer(maxLine, this::answerLine, () -> output.write(session.lineTooLong()));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        output = new ReplyWriter(ctx);
        pending = ctx.alloc().heapBuffer();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        pending.release();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        output.write(session.greeting());
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
            output.writeAndClose(session.idleTimeout());
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
        ctx.executor().execute(() -> output.writeAndClose(session.shuttingDown()));
    }

    /** Frames as much pending input as the current mode allows. */
    private void drain() {
        try {
            while (!busy && context.channel().isActive() && context.channel().isWritable() && pending.isReadable()) {
                boolean progressed = switch (mode) {
                    case LINE -> lines.next(pending);
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
        output.flushPending();
        pending.discardSomeReadBytes();
        if (!busy && pending.readableBytes() <= MAX_PENDING) {
            context.channel().config().setAutoRead(true);
        }
    }

    /** Answers a command line at once, or hands it to the worker if it may block. */
    private boolean answerLine(String line) {
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
        if (response.body() != null && ReplyWriter.fitsInline(response.body())) {
            busy = false;
            if (!output.writeText(response.reply(), response.body())) {
                context.close();
                return false;
            }
            return true;
        }
        if (response.body() != null) {
            sendText(response.reply(), response.body()); // stays busy until the text is out
            return false;
        }
        busy = false;
        switch (response.next()) {
            case READ_LINE -> output.write(response.reply());
            case CLOSE -> output.writeAndClose(response.reply());
            case START_TLS -> startTls(response.reply());
            case READ_DATA -> {
                output.write(response.reply());
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

    /** Sends text too large to write at once; the next command is read only once it is all written. */
    private void sendText(Reply reply, MessageSink text) {
        if (!output.sendText(reply, text, this::textWritten)) {
            busy = false;
            context.close();
        }
    }

    private void textWritten(ChannelFuture written) {
        busy = false;
        if (!written.isSuccess() || !context.channel().isActive()) {
            context.close();
            closeSession();
            return;
        }
        drain();
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
        output.write(ready);
        pending.clear();
        mode = Mode.HANDSHAKE;
    }

}
