// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import org.eemail.ra.api.AddressInfo;
import java.util.Optional;

/**
 * Whether a recipient is accepted, decided at RCPT time from what the backend knows of it
 * (RFC 5321 §3.6.2 and §7.1: no open relay). Pure: no I/O, no state.
 * <ul>
 *   <li>a local mailbox is accepted while it has quota left (452 4.2.2 when full);</li>
 *   <li>an unknown address of a local domain is refused (550 5.1.1);</li>
 *   <li>another domain is relayed only for an authenticated client or one in a trusted network
 *       (554 5.7.1 otherwise).</li>
 * </ul>
 */
public final class RelayPolicy {

    private RelayPolicy() {
    }

    /** The refusal for this recipient, or empty when it is accepted. */
    public static Optional<SmtpReply> refusal(AddressInfo recipient, boolean authenticated, boolean trustedClient) {
        switch (recipient.kind()) {
            case LOCAL:
                return recipient.quotaLeft() == 0 ? Optional.of(SmtpReplies.MAILBOX_FULL) : Optional.empty();
            case UNKNOWN_LOCAL:
                return Optional.of(SmtpReplies.UNKNOWN_USER);
            default:
                return authenticated || trustedClient ? Optional.empty() : Optional.of(SmtpReplies.RELAY_DENIED);
        }
    }
}
