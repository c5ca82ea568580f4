// SPDX-License-Identifier: Apache-2.0
package org.eemail.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The envelope of one message received over SMTP (RFC 5321 §2.3.1): who sent it, to whom, and how
 * it came in. Immutable and thread-safe; safe to keep after the call that passed it.
 *
 * @param sender        the reverse-path of {@code MAIL FROM}, {@code local-part@domain}; the
 *                      empty string for the null sender {@code <>} (bounces and other
 *                      notifications, which must never be answered: RFC 3834 §2)
 * @param recipients    the recipients, in the order the client gave them: for a
 *                      {@link MailPolicy#checkRecipient} call those accepted so far, otherwise
 *                      all of them
 * @param clientAddress the IP address of the client, as a literal ({@code 192.0.2.1})
 * @param heloName      the name the client gave in {@code EHLO} or {@code HELO}
 * @param identity      the identity the client authenticated as (RFC 4954), if it did
 * @param tls           whether the message came over TLS (STARTTLS or implicit TLS)
 */
public record MailEnvelope(String sender, List<String> recipients, String clientAddress, String heloName,
                           Optional<String> identity, boolean tls) {

    public MailEnvelope {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(identity, "identity");
        recipients = List.copyOf(recipients);
    }

    /** Whether this is the null sender: a notification that must never be answered by another one. */
    public boolean nullSender() {
        return sender.isEmpty();
    }
}
