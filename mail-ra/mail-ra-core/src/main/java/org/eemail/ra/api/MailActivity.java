// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.time.Clock;
import java.time.Duration;

/**
 * What this server instance did since it started, counted where it happens (the adapter's
 * sessions, the stores) and read by the console and the metrics endpoint. Process-wide for the
 * reason {@link MailServerStatus} gives: the adapter and the applications that count and read are
 * deployed together, on Payara Micro, Payara Server and WildFly alike.
 *
 * <p>A {@link Observer} (the metrics endpoint) may watch every count as it happens.
 * Thread-safe.
 */
public final class MailActivity {

    private static final ActivityCounters COUNTERS = new ActivityCounters(Clock.systemUTC());
    private static volatile Observer observer = Observer.NONE;

    private MailActivity() {
    }

    public static void record(MailEvent event) {
        record(event, 1);
    }

    public static void record(MailEvent event, long count) {
        if (count > 0) {
            COUNTERS.record(event, count);
            observer.recorded(event, count);
        }
    }

    /** A command of {@code protocol} ({@code smtp}, {@code pop3}) with a known {@code verb}. */
    public static void command(String protocol, String verb) {
        COUNTERS.command(protocol, verb);
        observer.command(protocol, verb);
    }

    /** A recipient was delivered (locally or to a remote server) this long after its message was accepted. */
    public static void delivered(Duration sinceAcceptance) {
        observer.delivered(sinceAcceptance);
    }

    public static ActivityCounters counters() {
        return COUNTERS;
    }

    /** Starts ({@code observer}) or stops ({@code null}) watching the counts. */
    public static void observe(Observer watcher) {
        observer = watcher == null ? Observer.NONE : watcher;
    }

    /** Told of every count as it happens. Must be quick and must not throw. */
    public interface Observer {

        Observer NONE = new Observer() {
        };

        default void recorded(MailEvent event, long count) {
        }

        default void command(String protocol, String verb) {
        }

        default void delivered(Duration sinceAcceptance) {
        }
    }
}
