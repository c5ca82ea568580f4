// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eemail.ejb.store.MessageTrail;

/**
 * A message's trail as the API shows it: the message and its steps, oldest first.
 *
 * @param messageId the Message-ID header, or {@code null}
 * @param sender    the envelope sender, {@code ""} for the null sender
 * @param size      octets as stored
 * @param received  when it was accepted
 */
@JsonbNillable
public record TrailView(long storedMessageId, String messageId, String sender, Long size, Instant received,
                        List<Step> steps) {

    /**
     * @param kind      received, stored, queued, attempt, relayed, bounced, held, released, deleted or retried
     * @param recipient the recipient it concerns, {@code null} for the message as a whole
     */
    @JsonbNillable
    public record Step(Instant at, String kind, String recipient, String detail) {
    }

    static TrailView of(MessageTrail trail) {
        return new TrailView(trail.storedMessageId(), trail.messageId(), trail.sender(), trail.size(), trail.received(),
                trail.steps().stream().map(s -> new Step(s.at(), s.kind().label(), s.recipient(), s.detail())).toList());
    }
}
