// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

/**
 * Where a foreign recipient's {@link QueueEntry} stands. Per recipient, not per message, because
 * one remote server may take one recipient and refuse another (Postfix keeps the same split).
 */
public enum RecipientStatus {
    /** Accepted and waiting for its first attempt. */
    QUEUED,
    /** Claimed by a delivery attempt that has not finished. */
    IN_DELIVERY,
    /** A temporary failure; the next attempt is due at the entry's next attempt time. */
    DEFERRED,
    /** Taken by the remote server; final. */
    DELIVERED,
    /** Refused for good, or given up on; final. */
    BOUNCED,
    /** Put on hold by the administrator: never claimed until released. */
    HELD
}
