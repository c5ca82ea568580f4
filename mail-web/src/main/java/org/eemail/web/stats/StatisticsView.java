// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ra.api.ActivityCounters;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.MailEvent;

/**
 * The live statistics of this server instance as the API shows them.
 *
 * @param listeners each listener with its state and open sessions
 * @param totals    counts since the server started, by event ({@code message_accepted}, …)
 * @param queue     queue entries by state, from the database (all instances)
 * @param commands  commands since the server started, by {@code "protocol VERB"}
 * @param lastHour  the counts of each of the last 60 minutes, oldest first
 */
public record StatisticsView(List<ListenerStatus> listeners, Map<String, Long> totals, Map<String, Long> queue,
                             Map<String, Long> commands, List<MinuteView> lastHour) {

    /** One minute of the chart. */
    public record MinuteView(Instant start, Map<String, Long> counts) {
    }

    static StatisticsView of(List<ListenerStatus> listeners, ActivityCounters counters,
                             Map<RecipientStatus, Long> queue) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (MailEvent event : MailEvent.values()) {
            totals.put(name(event), counters.total(event));
        }
        Map<String, Long> depth = new LinkedHashMap<>();
        queue.forEach((state, count) -> depth.put(state.name().toLowerCase(Locale.ROOT), count));
        List<MinuteView> hour = counters.lastHour().stream()
                .map(minute -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    minute.counts().forEach((event, count) -> counts.put(name(event), count));
                    return new MinuteView(minute.start(), counts);
                })
                .toList();
        return new StatisticsView(listeners, totals, depth, counters.commands(), hour);
    }

    static String name(MailEvent event) {
        return event.name().toLowerCase(Locale.ROOT);
    }
}
