// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.ListenerEndpoint;

/**
 * The non-blocking network side: binds the listeners on Netty event loops whose threads come
 * from the given executor (the WorkManager in the server), so thousands of idle connections need
 * no thread each.
 */
public final class MailTransport {

    private static final Logger LOG = System.getLogger(MailTransport.class.getName());
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final SslContext tls;
    private final SessionFactory sessions;
    private final Executor worker;
    private final List<BoundListener> bound = new CopyOnWriteArrayList<>();

    /**
     * @param executor    runs each event loop for the transport's lifetime: one acceptor loop and
     *                    {@code loopThreads} loops for the connections
     * @param loopThreads how many event loops serve the connections
     * @param worker      runs the calls into sessions, which may block; never an event loop
     */
    public MailTransport(Executor executor, int loopThreads, Executor worker, SslContext tls, SessionFactory sessions) {
        this.acceptors = new NioEventLoopGroup(1, executor);
        this.workers = new NioEventLoopGroup(loopThreads, executor);
        this.worker = worker;
        this.tls = tls;
        this.sessions = sessions;
        claimThreads(acceptors);
        claimThreads(workers);
    }

    /**
     * Netty starts a loop's thread at its first task; under a busy WorkManager that start can lag
     * by seconds, and the loop's connections get no greeting meanwhile (platform.md). A no-op per
     * loop makes each take its thread now.
     */
    private static void claimThreads(EventLoopGroup group) {
        for (EventExecutor loop : group) {
            loop.execute(() -> { });
        }
    }

    /** Binds every endpoint, or none: on failure the ones already bound are closed again. */
    public void start(List<ListenerEndpoint> endpoints) {
        for (ListenerEndpoint endpoint : endpoints) {
            try {
                bound.add(bind(endpoint));
            } catch (StartupFailure failure) {
                stop();
                throw failure;
            }
        }
    }

    private BoundListener bind(ListenerEndpoint endpoint) {
        Set<Channel> connections = ConcurrentHashMap.newKeySet();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new SessionChannelInitializer(endpoint.listener(), tls, sessions, worker,
                        channel -> track(connections, channel)));
        ChannelFuture binding = bootstrap.bind(endpoint.address()).awaitUninterruptibly();
        if (!binding.isSuccess()) {
            Throwable cause = binding.cause();
            String reason = cause instanceof BindException
                    ? "cannot listen on " + endpoint.address() + ": " + cause.getMessage()
                    : "cannot listen: " + cause;
            throw StartupFailure.of(endpoint.listener().portProperty(), endpoint.address().getPort(), reason);
        }
        return new BoundListener(endpoint, binding.channel(), connections);
    }

    private static void track(Set<Channel> connections, Channel channel) {
        connections.add(channel);
        channel.closeFuture().addListener(closed -> connections.remove(channel));
    }

    /** The bound listeners with their open session counts. */
    public List<ListenerStatus> status() {
        List<ListenerStatus> status = new ArrayList<>();
        for (BoundListener listener : bound) {
            status.add(listener.status());
        }
        return status;
    }

    /** The address each listener actually bound, for a caller that asked for port 0. */
    public List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (BoundListener listener : bound) {
            addresses.add((InetSocketAddress) listener.server().localAddress());
        }
        return addresses;
    }

    /**
     * Stops accepting, tells every open session that the server is going away (SMTP 421, POP3
     * -ERR), waits briefly for those replies to leave, and ends the event loops.
     */
    public void stop() {
        for (BoundListener listener : bound) {
            listener.server().close().awaitUninterruptibly();
        }
        List<Channel> open = new ArrayList<>();
        for (BoundListener listener : bound) {
            open.addAll(listener.connections());
        }
        bound.clear();
        for (Channel channel : open) {
            SessionHandler handler = channel.pipeline().get(SessionHandler.class);
            if (handler != null) {
                handler.shutDown();
            } else {
                channel.close();
            }
        }
        for (Channel channel : open) {
            if (!channel.closeFuture().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "{0} did not close in time", channel);
            }
        }
        acceptors.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private record BoundListener(ListenerEndpoint endpoint, Channel server, Set<Channel> connections) {

        ListenerStatus status() {
            // The configured address: a wildcard bound by Netty reads back as "::" even for 0.0.0.0.
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            return new ListenerStatus(endpoint.listener().label(), endpoint.listener().protocol().name(),
                    endpoint.address().getAddress().getHostAddress(), port, endpoint.listener().tls().label(),
                    server.isActive(), connections.size());
        }
    }
}
