// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.TrailKind;

/** The trail steps of the queue's events: attempts, their outcomes, and the administrator's actions. */
final class TrailSteps {

    private TrailSteps() {
    }

    /**
     * An attempt's steps: the attempt with the remote host, reply and outcome, then "relayed" when
     * it delivered. A bounce gets its step from {@link #bounced} once it is known whether a DSN went.
     */
    static List<TrailStep> ofDecision(QueueEntry entry, Decision decision, Instant now) {
        List<TrailStep> steps = new ArrayList<>(2);
        long message = entry.getStoredMessage().getId();
        if (decision.attempted()) {
            String outcome = decision.kind().name().toLowerCase(Locale.ROOT);
            String host = decision.remoteMta() == null ? "no server answered" : decision.remoteMta();
            steps.add(TrailStep.remote(message, now, TrailKind.ATTEMPT, entry.getRecipient(),
                    host + ": " + decision.reply() + " (" + outcome + ")", decision.remoteMta(), decision.reply(), outcome));
            if (decision.kind() == Decision.Kind.DELIVERED) {
                steps.add(TrailStep.remote(message, now, TrailKind.RELAYED, entry.getRecipient(),
                        decision.reply(), decision.remoteMta(), decision.reply(), outcome));
            }
        }
        return steps;
    }

    /**
     * @param reportedTo    where the DSN went, or {@code null} when none was sent
     * @param reportWanted  whether the sender wanted one (NOTIFY)
     */
    static TrailStep bounced(QueueEntry entry, String reportedTo, boolean reportWanted, Instant now) {
        String dsn = reportedTo != null ? "DSN sent to " + reportedTo
                : reportWanted ? "no DSN: nobody to send it to" : "no DSN: the sender asked for none";
        return TrailStep.of(entry.getStoredMessage().getId(), now, TrailKind.BOUNCED, entry.getRecipient(),
                entry.getLastReply() + "; " + dsn);
    }

    /** An administrator's action on a queue entry. */
    static TrailStep administered(QueueEntry entry, TrailKind kind, Instant now) {
        return TrailStep.of(entry.getStoredMessage().getId(), now, kind, entry.getRecipient(), "by the administrator");
    }
}
