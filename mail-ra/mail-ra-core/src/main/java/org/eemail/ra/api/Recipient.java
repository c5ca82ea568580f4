// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One recipient of a message as the client gave it in {@code RCPT TO} (RFC 5321 §4.1.1.3), with
 * its delivery status notification parameters (RFC 3461 §4). Immutable and thread-safe.
 *
 * @param address    the mailbox, {@code local-part@domain}, as given (a local part may be quoted);
 *                   {@code RCPT TO:<postmaster>} arrives as {@code postmaster@<server hostname>}
 * @param notifyWhen when the client wants a DSN (RFC 3461 §4.1): empty when it did not say, and
 *                   then the default (failure and maybe delay) applies; {@link Notify#NEVER}
 *                   alone, or any of the other three
 * @param original   the {@code ORCPT} parameter (RFC 3461 §4.2), decoded from xtext, as
 *                   {@code address-type;address}, for example {@code rfc822;bob@example.com}
 */
public record Recipient(String address, Set<Notify> notifyWhen, Optional<String> original) {

    /** The {@code NOTIFY} keywords of RFC 3461 §4.1. */
    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }

    public Recipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(original, "original");
        notifyWhen = Set.copyOf(notifyWhen);
        if (notifyWhen.contains(Notify.NEVER) && notifyWhen.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER with other keywords");
        }
    }

    /** A recipient without DSN parameters. */
    public static Recipient of(String address) {
        return new Recipient(address, EnumSet.noneOf(Notify.class), Optional.empty());
    }
}
