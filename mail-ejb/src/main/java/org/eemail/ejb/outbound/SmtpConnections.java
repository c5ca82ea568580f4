// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The Angus mail session and the connections kept open between deliveries (Postfix's connection
 * cache): a delivery that is done parks its connection, and the next delivery to the same host
 * takes it, after a NOOP shows it still works, instead of connecting, greeting, EHLO, STARTTLS and
 * AUTH again. A connection idle for {@link #IDLE_LIMIT_NANOS} is closed (Postfix's
 * {@code smtp_connection_cache_time_limit}, 2 s), at the next take or park or {@link #closeIdle()}.
 */
public final class SmtpConnections {

    private static final Logger LOG = Logger.getLogger(SmtpConnections.class.getName());
    static final long IDLE_LIMIT_NANOS = 2_000_000_000L;

    private final Session session;
    private final LongSupplier clock;
    private final Map<String, Deque<Parked>> idle = new HashMap<>();

    private record Parked(SMTPTransport transport, long since) {
    }

    public SmtpConnections(Properties properties) {
        this(properties, System::nanoTime);
    }

    SmtpConnections(Properties properties, LongSupplier clock) {
        this.session = Session.getInstance(properties);
        this.clock = clock;
    }

    Session session() {
        return session;
    }

    /** A parked connection to {@code key} that still answers, the most recently used first. */
    Optional<SMTPTransport> take(String key) {
        while (true) {
            Parked parked;
            synchronized (this) {
                closeIdleLocked();
                Deque<Parked> connections = idle.get(key);
                parked = connections == null ? null : connections.pollFirst();
            }
            if (parked == null) {
                return Optional.empty();
            }
            if (parked.transport().isConnected()) {
                return Optional.of(parked.transport());
            }
            close(parked.transport());
        }
    }

    /** Keeps {@code transport}, connected to {@code key} and done with its messages, for the next delivery. */
    void park(String key, SMTPTransport transport) {
        synchronized (this) {
            closeIdleLocked();
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(new Parked(transport, clock.getAsLong()));
        }
    }

    /** Closes the connections idle for longer than the limit. */
    public void closeIdle() {
        List<SMTPTransport> expired;
        synchronized (this) {
            expired = expiredLocked();
        }
        expired.forEach(SmtpConnections::close);
    }

    synchronized int parked() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    private void closeIdleLocked() {
        // QUIT waits for the peer's reply: only expired connections, rarely more than one
        expiredLocked().forEach(SmtpConnections::close);
    }

    private List<SMTPTransport> expiredLocked() {
        long now = clock.getAsLong();
        List<SMTPTransport> expired = new ArrayList<>();
        for (Iterator<Deque<Parked>> hosts = idle.values().iterator(); hosts.hasNext(); ) {
            Deque<Parked> connections = hosts.next();
            // newest first: the expired ones are at the end
            while (!connections.isEmpty() && now - connections.peekLast().since() > IDLE_LIMIT_NANOS) {
                expired.add(connections.pollLast().transport());
            }
            if (connections.isEmpty()) {
                hosts.remove();
            }
        }
        return expired;
    }

    static void close(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.fine(() -> "QUIT failed: " + e.getMessage());
        }
    }
}
