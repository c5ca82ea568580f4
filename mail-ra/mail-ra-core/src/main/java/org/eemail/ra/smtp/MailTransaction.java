// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eemail.api.MailEnvelope;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Recipient;

/**
 * One mail transaction (RFC 5321 §3.3): what MAIL and RCPT said. Immutable: each accepted RCPT
 * gives a new value, and RSET, EHLO/HELO, STARTTLS and the end of the message drop it.
 *
 * @param sender       the reverse-path, {@code ""} for the null sender
 * @param bodyType     the BODY parameter (RFC 6152)
 * @param smtpUtf8     whether MAIL carried SMTPUTF8 (RFC 6531)
 * @param ret          the RET parameter (RFC 3461 §4.3)
 * @param envelopeId   the ENVID parameter (RFC 3461 §4.4), decoded
 * @param recipients   the accepted recipients so far
 * @param smallestQuota the least quota left among the local recipients, {@link Long#MAX_VALUE} if none
 */
public record MailTransaction(String sender, Envelope.BodyType bodyType, boolean smtpUtf8,
                              Optional<Envelope.Ret> ret, Optional<String> envelopeId,
                              List<Recipient> recipients, long smallestQuota) {

    public MailTransaction {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(ret, "ret");
        Objects.requireNonNull(envelopeId, "envelopeId");
        recipients = List.copyOf(recipients);
    }

    /** A transaction that MAIL has just started, without recipients. */
    public static MailTransaction begin(String sender, Envelope.BodyType bodyType, boolean smtpUtf8,
                                        Optional<Envelope.Ret> ret, Optional<String> envelopeId) {
        return new MailTransaction(sender, bodyType, smtpUtf8, ret, envelopeId, List.of(), Long.MAX_VALUE);
    }

    /** This transaction with one more recipient, whose mailbox can take {@code quotaLeft} octets. */
    public MailTransaction with(Recipient recipient, long quotaLeft) {
        List<Recipient> more = new ArrayList<>(recipients);
        more.add(recipient);
        return new MailTransaction(sender, bodyType, smtpUtf8, ret, envelopeId, more, Math.min(smallestQuota, quotaLeft));
    }

    /** The envelope handed to the backend with the message. */
    public Envelope envelope(String clientAddress, String heloName, Optional<String> identity, boolean tls) {
        return new Envelope(sender, recipients, clientAddress, heloName, identity, tls, bodyType, smtpUtf8,
                ret, envelopeId);
    }

    /** The transaction as the applications' policies see it at RCPT: the recipients accepted so far. */
    public MailEnvelope soFar(String clientAddress, String heloName, Optional<String> identity, boolean tls) {
        return new MailEnvelope(sender, recipients.stream().map(Recipient::address).toList(), clientAddress,
                heloName, identity, tls);
    }
}
