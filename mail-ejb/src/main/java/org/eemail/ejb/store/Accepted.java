// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

/**
 * What {@link MessageStore#accept} stored.
 *
 * @param storedMessageId the stored message's id
 * @param queued          whether some recipient is foreign, so that the queue has work
 * @param mailboxes       how many local mailboxes received it
 */
public record Accepted(long storedMessageId, boolean queued, int mailboxes) {
}
