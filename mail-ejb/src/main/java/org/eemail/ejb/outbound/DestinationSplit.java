// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eemail.ejb.store.ClaimedEntry;

/**
 * Spreads one destination's claimed entries over several connections, as Postfix spreads a busy
 * destination over parallel deliveries: whole messages (all their recipients there go in one
 * transaction), in queue order, as evenly as they come.
 */
final class DestinationSplit {

    private DestinationSplit() {
    }

    /** At most {@code connections} non-empty parts, none of which splits a message's recipients. */
    static List<List<ClaimedEntry>> of(List<ClaimedEntry> entries, int connections) {
        List<List<ClaimedEntry>> messages = byMessage(entries);
        int parts = Math.max(1, Math.min(connections, messages.size()));
        List<List<ClaimedEntry>> split = new ArrayList<>(parts);
        int from = 0;
        for (int part = 0; part < parts; part++) {
            int to = from + (messages.size() - from) / (parts - part);
            split.add(messages.subList(from, to).stream().flatMap(List::stream).toList());
            from = to;
        }
        return split;
    }

    /** The recipients of each message, so each message is sent once with all of them. */
    static List<List<ClaimedEntry>> byMessage(List<ClaimedEntry> entries) {
        Map<Long, List<ClaimedEntry>> messages = new LinkedHashMap<>();
        for (ClaimedEntry entry : entries) {
            messages.computeIfAbsent(entry.storedMessageId(), id -> new ArrayList<>()).add(entry);
        }
        return List.copyOf(messages.values());
    }
}
