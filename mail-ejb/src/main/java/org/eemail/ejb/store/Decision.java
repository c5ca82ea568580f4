// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;

/**
 * What becomes of a claimed entry after a delivery attempt.
 *
 * @param reply       the remote reply, or why there was none
 * @param remoteMta   the server that replied, or {@code null}
 * @param nextAttempt for {@link Kind#DEFERRED}: when it is due again
 * @param status      for {@link Kind#BOUNCED}: the RFC 3463 status the bounce reports
 * @param relayed     for {@link Kind#DELIVERED}: taken by a server without DSN, which will send no
 *                    success report of its own (RFC 3461 §5.2.2: then this server reports "relayed")
 * @param attempted   whether a delivery attempt decided it, which the trail then records; not an
 *                    administrator's bounce or a delivery into a domain that became local
 */
public record Decision(long entryId, String claimToken, Kind kind, String reply, String remoteMta,
                       Instant nextAttempt, String status, boolean relayed, boolean attempted) {

    public enum Kind {
        DELIVERED,
        DEFERRED,
        BOUNCED
    }

    public static Decision delivered(ClaimedEntry entry, String reply, String remoteMta, boolean relayed) {
        return new Decision(entry.entryId(), entry.claimToken(), Kind.DELIVERED, reply, remoteMta, null, null, relayed, true);
    }

    public static Decision deferred(ClaimedEntry entry, String reply, String remoteMta, Instant nextAttempt) {
        return new Decision(entry.entryId(), entry.claimToken(), Kind.DEFERRED, reply, remoteMta, nextAttempt, null, false, true);
    }

    public static Decision bounced(ClaimedEntry entry, String reply, String remoteMta, String status) {
        return new Decision(entry.entryId(), entry.claimToken(), Kind.BOUNCED, reply, remoteMta, null, status, false, true);
    }

    /** The same outcome, decided here rather than by an attempt. */
    public Decision withoutAttempt() {
        return new Decision(entryId, claimToken, kind, reply, remoteMta, nextAttempt, status, relayed, false);
    }
}
