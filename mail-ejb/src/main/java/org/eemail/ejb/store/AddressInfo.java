// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

/**
 * What the server knows about an address, answered for every RCPT: whether to accept it as local,
 * refuse it, or treat it as relaying.
 *
 * @param kind           the answer
 * @param remainingQuota for {@link Kind#LOCAL}: the bytes the mailbox can still take
 *                       ({@link Long#MAX_VALUE} when unlimited; for an alias the least of its
 *                       local targets); 0 for the other kinds
 */
public record AddressInfo(Kind kind, long remainingQuota) {

    /** How the address relates to this server. */
    public enum Kind {
        /** An enabled account, or an alias with at least one target mail can go to. */
        LOCAL,
        /** In one of our domains, but nobody here receives mail at it. */
        UNKNOWN_LOCAL,
        /** In a domain that is not ours: mail to it is relayed. */
        FOREIGN
    }

    static final AddressInfo UNKNOWN_LOCAL = new AddressInfo(Kind.UNKNOWN_LOCAL, 0);
    static final AddressInfo FOREIGN = new AddressInfo(Kind.FOREIGN, 0);

    public AddressInfo {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (remainingQuota < 0 || (kind != Kind.LOCAL && remainingQuota != 0)) {
            throw new IllegalArgumentException("remaining quota " + remainingQuota + " for " + kind);
        }
    }

    static AddressInfo local(long remainingQuota) {
        return new AddressInfo(Kind.LOCAL, remainingQuota);
    }
}
