// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailEvent;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Response;

/**
 * The end of a message's text, after DATA's final "." or the last BDAT chunk (RFC 5321 §4.1.1.4,
 * RFC 3030 §2): checks the size, line endings and quota, asks the applications' policies, adds
 * the trace header and hands the message to the backend. 250 only when the backend accepted it. The transaction ends either way.
 */
public final class MessageDelivery {

    private MessageDelivery() {
    }

    /** Checks and delivers the message in the session's sink; the session's {@code TextEnd}. */
    public static Response finish(SmtpSession session) {
        Response response = checkAndDeliver(session);
        if (response.reply() instanceof SmtpReply reply && reply.isPositive()) {
            MailActivity.record(MailEvent.MESSAGE_ACCEPTED);
        } else if (response.reply() instanceof SmtpReply reply && reply.isPermanentFailure()) {
            MailActivity.record(MailEvent.MESSAGE_REJECTED);
        }
        return response;
    }

    private static Response checkAndDeliver(SmtpSession session) {
        MessageSink message = session.messageSink();
        MailTransaction transaction = session.transaction();
        try {
            if (message.size() > session.settings().maxMessageSize()) {
                return Response.of(SmtpReplies.MESSAGE_TOO_LARGE);  // RFC 1870 §6.1
            }
            if (message.hasBareLineEnding()) {
                return Response.of(SmtpReplies.BARE_LINE_ENDING);   // RFC 5321 §2.3.8
            }
            if (message.size() > transaction.smallestQuota()) {
                return Response.of(SmtpReplies.OVER_QUOTA);         // RFC 3463 X.2.2
            }
            return deliver(session, transaction, message);
        } finally {
            session.endTransaction();
        }
    }

    private static Response deliver(SmtpSession session, MailTransaction transaction, MessageSink message) {
        String id = session.nextMessageId();
        boolean tls = session.tls();
        Optional<String> identity = session.identity();
        Envelope envelope = transaction.envelope(session.connection().clientAddress(), session.heloName(), identity, tls);
        String protocol = TraceHeader.protocol(session.extended(), tls, identity.isPresent(), transaction.smtpUtf8());
        Optional<String> only = envelope.recipients().size() == 1
                ? Optional.of(envelope.recipients().get(0).address()) : Optional.empty();
        String trace = TraceHeader.received(session.heloName(), envelope.clientAddress(), session.hostname(),
                protocol, id, only, ZonedDateTime.now(ZoneOffset.UTC));
        Verdict verdict;
        try {
            verdict = session.backend().checkMessage(envelope, id, message);
            if (verdict.kind() != Verdict.Kind.ACCEPT) {
                return Response.of(SmtpReplies.refusal(verdict));
            }
            verdict = session.backend().deliver(envelope, trace, message);
        } catch (RuntimeException failure) {
            session.backendFailed("deliver " + id, failure);
            return Response.of(SmtpReplies.TEMPORARY_FAILURE);
        }
        return answer(session, verdict, id);
    }

    /** The reply to a verdict: the application's own, or the standard one for its kind. */
    private static Response answer(SmtpSession session, Verdict verdict, String id) {
        Optional<SmtpReply> own = verdict.reply().map(SmtpReplies::of);
        switch (verdict.kind()) {
            case ACCEPT:
                return Response.of(own.orElse(SmtpReplies.accepted(id)));
            case REJECT:
                return Response.of(own.orElse(SmtpReplies.REJECTED));
            case DEFER:
                return Response.of(own.orElse(SmtpReplies.TEMPORARY_FAILURE));
            default:
                session.closing();
                return Response.closing(own.orElse(SmtpReplies.disconnecting(session.hostname())));
        }
    }
}
