// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.util.EnumSet;
import java.util.Set;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.domain.TrailKind;

/** What an administrator can do to queue entries, with Postfix's equivalent, and the states it applies to. */
public enum QueueAction {
    /** Due at once, released first if held ({@code postqueue -i}). */
    RETRY(EnumSet.of(RecipientStatus.QUEUED, RecipientStatus.DEFERRED, RecipientStatus.HELD)),
    /** Not delivered until released ({@code postsuper -h}). */
    HOLD(EnumSet.of(RecipientStatus.QUEUED, RecipientStatus.DEFERRED)),
    /** Waiting again, due at its next attempt time ({@code postsuper -H}). */
    RELEASE(EnumSet.of(RecipientStatus.HELD)),
    /** Gone without a report to the sender ({@code postsuper -d}); never while a delivery holds it. */
    DELETE(EnumSet.complementOf(EnumSet.of(RecipientStatus.IN_DELIVERY))),
    /** Failed for good now ("5.0.0"), with a delivery status notification to the sender as for any bounce. */
    BOUNCE(EnumSet.of(RecipientStatus.QUEUED, RecipientStatus.DEFERRED, RecipientStatus.HELD));

    private final Set<RecipientStatus> appliesTo;

    QueueAction(Set<RecipientStatus> appliesTo) {
        this.appliesTo = appliesTo;
    }

    public boolean appliesTo(RecipientStatus state) {
        return appliesTo.contains(state);
    }

    Set<RecipientStatus> states() {
        return appliesTo;
    }

    /** The step the trail records for it; a bounce is recorded as any other bounce. */
    TrailKind trailKind() {
        return switch (this) {
            case RETRY -> TrailKind.RETRIED;
            case HOLD -> TrailKind.HELD;
            case RELEASE -> TrailKind.RELEASED;
            case DELETE -> TrailKind.DELETED;
            case BOUNCE -> TrailKind.BOUNCED;
        };
    }
}
