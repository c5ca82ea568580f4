// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eemail.ejb.store.Decision;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailEvent;

/** Counts the outcomes of one delivery attempt once they are recorded in the queue. */
final class DeliveryActivity {

    private DeliveryActivity() {
    }

    /**
     * @param results   the attempt's results
     * @param decisions the decision for each result, in the same order, as committed
     * @param now       when they were decided
     */
    static void count(List<RecipientResult> results, List<Decision> decisions, Instant now) {
        for (int i = 0; i < decisions.size(); i++) {
            switch (decisions.get(i).kind()) {
                case DELIVERED -> {
                    MailActivity.record(MailEvent.RELAYED);
                    MailActivity.delivered(Duration.between(results.get(i).entry().created(), now));
                }
                case DEFERRED -> MailActivity.record(MailEvent.DEFERRED);
                case BOUNCED -> MailActivity.record(MailEvent.BOUNCED);
            }
        }
    }
}
