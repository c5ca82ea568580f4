// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import java.util.Locale;
import java.util.Optional;

/**
 * Which mail one application bean receives, from its activation properties: every condition
 * given must hold; without any, it receives all mail. A recipient is the bean's when it matches
 * {@code recipient} and lies in {@code domain}; a message is the bean's when its sender matches
 * {@code sender} and at least one of its recipients is the bean's.
 *
 * @param recipient the recipient address or pattern
 * @param domain    the recipient's domain, lower case
 * @param sender    the sender address or pattern; the null sender is the empty string, which
 *                  only {@code *} matches
 */
public record Selection(Optional<AddressPattern> recipient, Optional<String> domain, Optional<AddressPattern> sender) {

    /** Whether {@code address}, a recipient, is this bean's. */
    public boolean recipientMatches(String address) {
        if (recipient.isPresent() && !recipient.get().matches(address)) {
            return false;
        }
        int at = address.lastIndexOf('@');
        return domain.isEmpty() || at >= 0 && address.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain.get());
    }

    /** Whether mail from {@code sender} (the empty string for the null sender) is this bean's. */
    public boolean senderMatches(String sender) {
        return this.sender.isEmpty() || this.sender.get().matches(sender);
    }

    /** Whether mail from {@code sender} to {@code recipient} is this bean's. */
    public boolean matches(String sender, String recipient) {
        return senderMatches(sender) && recipientMatches(recipient);
    }
}
