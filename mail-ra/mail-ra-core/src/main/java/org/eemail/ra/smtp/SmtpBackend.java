// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.Optional;
import org.eemail.api.MailEnvelope;
import org.eemail.ra.api.AddressInfo;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.protocol.MessageSink;

/**
 * What an SMTP session asks of the rest of the server: accounts, aliases, quotas and durable
 * storage. The adapter implements it by calling beans. Every method may block: the session is
 * always called off the network thread. A method that throws makes the session answer a temporary
 * failure ({@code 451 4.3.0}, or {@code 454 4.7.0} during AUTH) and go on.
 */
public interface SmtpBackend {

    /** Where {@code address} ({@code local-part@domain}, as the client gave it) belongs. */
    AddressInfo lookup(String address);

    /**
     * Checks a user name and password (RFC 4954).
     *
     * @return the canonical identity of the account, such as {@code alice@example.test}, or empty
     *         when the credentials are wrong
     */
    Optional<String> authenticate(String username, String password);

    /**
     * Whether the authenticated {@code identity} may send as {@code sender}: its own address or an
     * alias of it. {@code sender} is the empty string for the null sender {@code <>}.
     */
    boolean mayUseSender(String identity, String sender);

    /**
     * Stores a message durably, or refuses it. The server answers 250 only on
     * {@link Verdict.Kind#ACCEPT}, so an implementation accepts only after its commit.
     *
     * @param envelope    the envelope
     * @param traceHeader the {@code Received:} header field this server adds (RFC 5321 §4.4),
     *                    folded, ending with CRLF, to be stored before the message text
     * @param message     the message text as received, without dot-stuffing; readable with
     *                    {@link MessageSink#open()} during this call only
     */
    Verdict deliver(Envelope envelope, String traceHeader, MessageSink message);

    /**
     * The applications' policies on one more recipient, which the server itself would accept;
     * called at RCPT while the client waits. A backend without policies accepts.
     *
     * @param soFar     the transaction with the recipients accepted before this one
     * @param recipient the address of this RCPT
     */
    default Verdict checkRecipient(MailEnvelope soFar, String recipient) {
        return Verdict.accept();
    }

    /**
     * The applications' policies on a whole message, before it is stored; called at the end of
     * DATA or BDAT while the client waits. A backend without policies accepts.
     *
     * @param envelope the envelope
     * @param id       the id of this message in the session, for the policies' logs
     * @param message  the message text as received; readable during this call only
     */
    default Verdict checkMessage(Envelope envelope, String id, MessageSink message) {
        return Verdict.accept();
    }
}
