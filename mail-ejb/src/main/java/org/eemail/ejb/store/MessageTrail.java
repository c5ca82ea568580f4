// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;
import java.util.List;
import org.eemail.ejb.domain.TrailKind;

/**
 * A message's way through this server, step by step, oldest step first. The message's facts come
 * from its received step; they are {@code null} when that step is gone (older than the retention)
 * or was never written (queued before the trail existed).
 *
 * @param messageId the Message-ID header, or {@code null}
 * @param sender    the envelope sender in lower case, as every address of the trail; {@code ""} for the null sender
 * @param size      octets as stored
 * @param received  when it was accepted
 */
public record MessageTrail(long storedMessageId, String messageId, String sender, Long size, Instant received,
                           List<Step> steps) {

    /**
     * One step.
     *
     * @param recipient the recipient it concerns, {@code null} for the message as a whole
     * @param detail    what happened, in words: the client, the remote reply, whether a DSN went
     */
    public record Step(Instant at, TrailKind kind, String recipient, String detail) {
    }
}
