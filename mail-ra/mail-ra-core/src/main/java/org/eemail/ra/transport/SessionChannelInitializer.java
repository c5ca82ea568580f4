// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailEvent;
import org.eemail.ra.config.Listener;
import org.eemail.ra.config.Protocol;
import org.eemail.ra.config.TlsMode;

/**
 * The pipeline of one connection: TLS (implicit-TLS listeners), idle timer, chunked writes of
 * message text (POP3 RETR), then the session.
 */
final class SessionChannelInitializer extends ChannelInitializer<Channel> {

    /**
     * RFC 5321 §4.5.3.1.4 limits an SMTP command line to 512 octets and RFC 2449 §4 a POP3 one to
     * 255, both counting the CRLF; longer lines are answered with an error and dropped.
     */
    private static final int SMTP_MAX_LINE = 512 - 2;
    private static final int POP3_MAX_LINE = 255 - 2;

    private final Listener listener;
    private final SslContext tls;
    private final SessionFactory sessions;
    private final Executor worker;
    private final Consumer<Channel> opened;

    SessionChannelInitializer(Listener listener, SslContext tls, SessionFactory sessions, Executor worker,
                              Consumer<Channel> opened) {
        this.listener = listener;
        this.tls = tls;
        this.sessions = sessions;
        this.worker = worker;
        this.opened = opened;
    }

    @Override
    protected void initChannel(Channel channel) {
        opened.accept(channel);
        MailActivity.record(listener.protocol() == Protocol.SMTP ? MailEvent.SMTP_SESSION : MailEvent.POP3_SESSION);
        ChannelPipeline pipeline = channel.pipeline();
        if (listener.tls() == TlsMode.IMPLICIT) {
            pipeline.addLast("tls", tls.newHandler(channel.alloc()));
        }
        pipeline.addLast("idle", new IdleStateHandler(0, 0, listener.idleTimeout().toSeconds(), TimeUnit.SECONDS));
        int maxLine = listener.protocol() == Protocol.SMTP ? SMTP_MAX_LINE : POP3_MAX_LINE;
        InetSocketAddress client = channel.remoteAddress() instanceof InetSocketAddress remote
                ? remote : new InetSocketAddress(0);
        pipeline.addLast("chunked", new ChunkedWriteHandler());
        pipeline.addLast("session", new SessionHandler(sessions.open(listener, client), worker, maxLine, tls));
    }
}
