// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;
import org.eemail.ejb.domain.TrailKind;

/**
 * A step of a message's trail, to be written by {@link TrailLog}. Only a received step carries
 * the message's facts; only attempts and relays carry a remote host, reply and outcome.
 */
record TrailStep(long storedMessageId, Instant occurred, TrailKind kind, String recipient, String detail,
                 String remoteHost, String reply, String outcome, String messageId, String sender, Long size) {

    static TrailStep received(long storedMessageId, Instant occurred, String detail, String messageId,
                              String sender, long size) {
        return new TrailStep(storedMessageId, occurred, TrailKind.RECEIVED, null, detail, null, null, null,
                messageId, sender, size);
    }

    /** A step about one recipient: stored, queued, bounced, or an administrator's action. */
    static TrailStep of(long storedMessageId, Instant occurred, TrailKind kind, String recipient, String detail) {
        return new TrailStep(storedMessageId, occurred, kind, recipient, detail, null, null, null, null, null, null);
    }

    /** A delivery attempt, or the relay that ended one. */
    static TrailStep remote(long storedMessageId, Instant occurred, TrailKind kind, String recipient, String detail,
                            String remoteHost, String reply, String outcome) {
        return new TrailStep(storedMessageId, occurred, kind, recipient, detail, remoteHost, reply, outcome,
                null, null, null);
    }
}
