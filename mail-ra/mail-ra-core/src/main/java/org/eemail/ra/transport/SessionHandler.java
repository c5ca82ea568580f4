// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/**
 * Connects one channel to its protocol session: lines in, replies out, each reply in one write.
 * Runs on the channel's event loop, so calls to the session never overlap.
 */
final class SessionHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final Logger LOG = System.getLogger(SessionHandler.class.getName());

    private final LineSession session;
    private volatile ChannelHandlerContext context;

    SessionHandler(LineSession session) {
        this.session = session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        write(ctx, session.greeting());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
        Response response = session.onLine(line.toString(StandardCharsets.UTF_8));
        if (response.closes()) {
            writeAndClose(ctx, response.reply());
        } else {
            write(ctx, response.reply());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            writeAndClose(ctx, session.idleTimeout());
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            write(ctx, session.lineTooLong());
            return;
        }
        LOG.log(Level.DEBUG, () -> ctx.channel() + " closed after " + cause);
        ctx.close();
    }

    /** Says goodbye because the server stops; called on any thread. */
    void shutDown() {
        ChannelHandlerContext ctx = context;
        ctx.executor().execute(() -> writeAndClose(ctx, session.shuttingDown()));
    }

    private static void write(ChannelHandlerContext ctx, Reply reply) {
        ctx.writeAndFlush(encode(ctx, reply), ctx.voidPromise());
    }

    private static void writeAndClose(ChannelHandlerContext ctx, Reply reply) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(encode(ctx, reply)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static ByteBuf encode(ChannelHandlerContext ctx, Reply reply) {
        return ByteBufUtil.encodeString(ctx.alloc(), CharBuffer.wrap(reply.wireText()), StandardCharsets.UTF_8);
    }
}
