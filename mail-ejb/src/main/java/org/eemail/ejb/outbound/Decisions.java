// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.time.Instant;
import org.eemail.ejb.bounce.DeliveryReport;
import org.eemail.ejb.store.Decision;

/**
 * Turns an attempt's result into the queue's decision (RFC 5321 §4.2.1, §4.5.4.1): 2xx
 * delivered, 5xx bounced, anything else deferred by the retry policy, or bounced with
 * {@code 4.4.7} once the entry has been queued for its whole lifetime.
 */
public final class Decisions {

    private Decisions() {
    }

    public static Decision of(RecipientResult result, RetryPolicy retry, Instant now) {
        int code = result.code();
        if (code >= 200 && code < 300) {
            return Decision.delivered(result.entry(), result.reply(), result.remoteMta(), !result.dsnOffered());
        }
        if (code >= 500 && code < 600) {
            return Decision.bounced(result.entry(), result.reply(), result.remoteMta(),
                    DeliveryReport.status(result.reply()));
        }
        if (retry.expired(result.entry().created(), now)) {
            return Decision.bounced(result.entry(), result.reply(), result.remoteMta(), "4.4.7");
        }
        return Decision.deferred(result.entry(), result.reply(), result.remoteMta(),
                retry.nextAttempt(result.entry().attempts() + 1, now));
    }
}
