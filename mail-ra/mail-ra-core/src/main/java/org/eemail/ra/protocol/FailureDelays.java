// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailEvent;

/**
 * Failed logins per client address, and how long to wait before telling the client: one second
 * after the first failure, doubling with each further one, at most 30 seconds, forgotten after 15
 * minutes without a failure or at the first success. The wait slows password guessing without
 * holding a thread: the transport delays the reply, not the session. Shared by all sessions;
 * thread-safe.
 */
public final class FailureDelays {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MOST = Duration.ofSeconds(30);
    private static final Duration FORGET = Duration.ofMinutes(15);
    /** Beyond this many remembered addresses, stale ones are dropped first, then all. */
    private static final int MOST_CLIENTS = 100_000;

    private final Clock clock;
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last) {
    }

    public FailureDelays(Clock clock) {
        this.clock = clock;
    }

    public FailureDelays() {
        this(Clock.systemUTC());
    }

    /** Records a failed login from {@code client}; returns how long to wait before answering. */
    public Duration failed(String client) {
        MailActivity.record(MailEvent.AUTH_FAILURE);
        Instant now = clock.instant();
        if (clients.size() >= MOST_CLIENTS) {
            clients.values().removeIf(f -> f.last().plus(FORGET).isBefore(now));
            if (clients.size() >= MOST_CLIENTS) {
                clients.clear();
            }
        }
        Failures failures = clients.merge(client, new Failures(1, now), (old, one) ->
                old.last().plus(FORGET).isBefore(now) ? one : new Failures(old.count() + 1, now));
        int doublings = Math.min(failures.count() - 1, 5);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(MOST) > 0 ? MOST : delay;
    }

    /** A successful login from {@code client} clears its record. */
    public void succeeded(String client) {
        clients.remove(client);
    }
}
