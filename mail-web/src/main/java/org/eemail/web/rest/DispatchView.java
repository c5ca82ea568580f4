// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import java.util.List;
import org.eemail.ejb.domain.Dispatch;

/**
 * The delivery of one accepted message to one application consumer.
 *
 * @param id              the dispatch's id
 * @param storedMessageId the stored message
 * @param consumer        the consumer's {@code consumerName}
 * @param state           {@code PENDING}, {@code DONE} or {@code PARKED}
 * @param attempts        calls made so far
 * @param nextAttempt     when a pending dispatch is due
 * @param lastError       why the last call failed, if it did
 * @param created         when the message was accepted
 * @param sender          the envelope sender, empty for the null sender
 * @param recipients      the recipients the consumer matched
 */
public record DispatchView(long id, long storedMessageId, String consumer, String state, int attempts,
                           Instant nextAttempt, String lastError, Instant created, String sender,
                           List<String> recipients) {

    static DispatchView of(Dispatch d) {
        return new DispatchView(d.getId(), d.getStoredMessageId(), d.getConsumer(), d.getState().name(),
                d.getAttempts(), d.getNextAttempt(), d.getLastError(), d.getCreated(), d.getSender(),
                d.getRecipients());
    }
}
