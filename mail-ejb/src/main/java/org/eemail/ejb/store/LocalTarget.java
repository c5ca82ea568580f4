// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

/**
 * An enabled account that mail to some address ends up in, with what its mailbox holds.
 *
 * @param accountId the account's id
 * @param address   the account's address
 * @param quota     the limit in bytes, 0 for none
 * @param used      the bytes in the mailbox; 0 when the quota is unlimited, because then nobody sums
 */
record LocalTarget(long accountId, String address, long quota, long used) {

    /** The bytes the mailbox can still take: never negative, {@link Long#MAX_VALUE} when unlimited. */
    long remaining() {
        return quota == 0 ? Long.MAX_VALUE : Math.max(0, quota - used);
    }
}
