// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one server instance since it started: totals per {@link MailEvent}, the same per
 * minute for the last hour (the dashboard's charts), and commands per protocol and verb.
 * Lock-free on the counting path, which runs for every command of every session.
 */
public final class ActivityCounters {

    /** Minutes kept for the charts. */
    public static final int MINUTES = 60;
    private static final long MINUTE_MILLIS = 60_000;

    private final Clock clock;
    private final LongAdder[] totals = adders();
    private final Minute[] minutes = new Minute[MINUTES];
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

    public ActivityCounters(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < MINUTES; i++) {
            minutes[i] = new Minute();
        }
    }

    public void record(MailEvent event, long count) {
        totals[event.ordinal()].add(count);
        long minute = clock.millis() / MINUTE_MILLIS;
        minutes[(int) (minute % MINUTES)].at(minute)[event.ordinal()].add(count);
    }

    /** A command line with a known {@code verb} (upper case) of {@code protocol} ({@code smtp}, {@code pop3}). */
    public void command(String protocol, String verb) {
        commands.computeIfAbsent(protocol + " " + verb, key -> new LongAdder()).increment();
    }

    public long total(MailEvent event) {
        return totals[event.ordinal()].sum();
    }

    /** Commands by {@code "protocol VERB"}, sorted. */
    public Map<String, Long> commands() {
        Map<String, Long> counts = new TreeMap<>();
        commands.forEach((key, adder) -> counts.put(key, adder.sum()));
        return counts;
    }

    /**
     * The last {@link #MINUTES} minutes, oldest first, the current one last: what was counted in
     * each. Minutes nothing was counted in are there with zeros.
     */
    public List<MinuteCounts> lastHour() {
        long now = clock.millis() / MINUTE_MILLIS;
        List<MinuteCounts> hour = new ArrayList<>(MINUTES);
        for (long minute = now - MINUTES + 1; minute <= now; minute++) {
            Map<MailEvent, Long> counts = new EnumMap<>(MailEvent.class);
            LongAdder[] slot = minutes[(int) (minute % MINUTES)].read(minute);
            for (MailEvent event : MailEvent.values()) {
                counts.put(event, slot == null ? 0 : slot[event.ordinal()].sum());
            }
            hour.add(new MinuteCounts(Instant.ofEpochMilli(minute * MINUTE_MILLIS), counts));
        }
        return hour;
    }

    /** Counts of one minute. */
    public record MinuteCounts(Instant start, Map<MailEvent, Long> counts) {
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[MailEvent.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    /**
     * One slot of the ring of minutes. When a new minute comes to a slot its counts start
     * afresh; a count racing with that change may land in the new minute, which is close
     * enough for a chart.
     */
    private static final class Minute {
        private volatile long minute = -1;
        private volatile LongAdder[] counts = adders();

        LongAdder[] at(long wanted) {
            if (minute != wanted) {
                synchronized (this) {
                    if (minute != wanted) {
                        counts = adders();
                        minute = wanted;
                    }
                }
            }
            return counts;
        }

        LongAdder[] read(long wanted) {
            return minute == wanted ? counts : null;
        }
    }
}
