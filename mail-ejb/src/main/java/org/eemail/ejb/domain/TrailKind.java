// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import java.util.Locale;

/** The steps of a message's way through this server, as the trail records them. */
public enum TrailKind {
    /** Accepted from an SMTP client, or generated here (a delivery status notification). */
    RECEIVED,
    /** Put in a local mailbox. */
    STORED,
    /** Queued for a foreign recipient. */
    QUEUED,
    /** One delivery attempt for a queued recipient, with the remote reply. */
    ATTEMPT,
    /** Taken by the next hop (a 2xx reply). */
    RELAYED,
    /** Failed for good; tells whether the sender got a DSN. */
    BOUNCED,
    /** The administrator's actions on a queue entry. */
    HELD,
    RELEASED,
    DELETED,
    RETRIED;

    /** The name the API shows: {@code received}, {@code attempt}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
