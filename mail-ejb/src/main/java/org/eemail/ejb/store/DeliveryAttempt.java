// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;

/**
 * One delivery attempt for a queued recipient, from the trail.
 *
 * @param remoteHost the server that answered, or {@code null} when none did
 * @param reply      its reply, or why there was none
 * @param outcome    delivered, deferred or bounced
 */
public record DeliveryAttempt(Instant at, String remoteHost, String reply, String outcome) {
}
