// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eemail.ejb.store.DeliveryAttempt;

/**
 * One delivery attempt of a queue entry.
 *
 * @param remoteHost the server that answered, or {@code null} when none did
 * @param outcome    delivered, deferred or bounced
 */
@JsonbNillable
public record AttemptView(Instant at, String remoteHost, String reply, String outcome) {

    static AttemptView of(DeliveryAttempt attempt) {
        return new AttemptView(attempt.at(), attempt.remoteHost(), attempt.reply(), attempt.outcome());
    }
}
