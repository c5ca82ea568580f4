// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.Objects;

/**
 * What the server's data says about one address, for the relay policy.
 *
 * @param kind      local, unknown in a local domain, or in another domain
 * @param quotaLeft for {@link Kind#LOCAL}: octets the mailbox can still take, {@link Long#MAX_VALUE}
 *                  when unlimited; 0 otherwise
 */
public record AddressInfo(Kind kind, long quotaLeft) {

    /** Where an address belongs. */
    public enum Kind {
        /** An account or alias of this server. */
        LOCAL,
        /** The domain is one of this server's, but no account or alias has this address. */
        UNKNOWN_LOCAL,
        /** Another server's domain. */
        FOREIGN
    }

    public static final AddressInfo UNKNOWN_LOCAL = new AddressInfo(Kind.UNKNOWN_LOCAL, 0);
    public static final AddressInfo FOREIGN = new AddressInfo(Kind.FOREIGN, 0);

    public AddressInfo {
        Objects.requireNonNull(kind, "kind");
        if (quotaLeft < 0 || kind != Kind.LOCAL && quotaLeft != 0) {
            throw new IllegalArgumentException(kind + " with quota " + quotaLeft);
        }
    }

    /** A local mailbox that can still take {@code quotaLeft} octets. */
    public static AddressInfo local(long quotaLeft) {
        return new AddressInfo(Kind.LOCAL, quotaLeft);
    }
}
