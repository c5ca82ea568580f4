// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The envelope of one message received over SMTP: who sent it, to whom, and how it came in
 * (RFC 5321 §2.3.1). The message text travels beside it. Immutable and thread-safe; safe to keep
 * after the call that received it.
 *
 * @param sender        the reverse-path of {@code MAIL FROM}; the empty string for the null sender
 *                      {@code <>} (bounces and other notifications, RFC 5321 §4.5.5)
 * @param recipients    the accepted recipients, in the order the client gave them; never empty
 * @param clientAddress the IP address of the client, as a literal ({@code 192.0.2.1}, {@code 2001:db8::1})
 * @param heloName      the name the client gave in {@code EHLO} or {@code HELO}
 * @param identity      the identity the client authenticated as (RFC 4954), if it did
 * @param tls           whether the message came over TLS (STARTTLS or implicit TLS)
 * @param bodyType      the {@code BODY} parameter (RFC 6152): 7-bit unless the client said 8BITMIME
 * @param smtpUtf8      whether the client gave {@code SMTPUTF8} (RFC 6531): addresses and
 *                      headers may hold UTF-8
 * @param ret           the {@code RET} parameter (RFC 3461 §4.3): how much of the message a DSN returns
 * @param envelopeId    the {@code ENVID} parameter (RFC 3461 §4.4), decoded from xtext
 */
public record Envelope(String sender, List<Recipient> recipients, String clientAddress, String heloName,
                       Optional<String> identity, boolean tls, BodyType bodyType, boolean smtpUtf8,
                       Optional<Ret> ret, Optional<String> envelopeId) {

    /** The body types of RFC 6152 this server accepts. */
    public enum BodyType {
        /** {@code BODY=7BIT}, or no BODY parameter. */
        SEVEN_BIT,
        /** {@code BODY=8BITMIME}. */
        EIGHT_BIT_MIME
    }

    /** The {@code RET} values of RFC 3461 §4.3. */
    public enum Ret {
        /** Return the whole message in a DSN. */
        FULL,
        /** Return only the headers. */
        HDRS
    }

    public Envelope {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(ret, "ret");
        Objects.requireNonNull(envelopeId, "envelopeId");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope has at least one recipient");
        }
    }

    /** Whether this is a notification that must never be answered by another one. */
    public boolean nullSender() {
        return sender.isEmpty();
    }
}
