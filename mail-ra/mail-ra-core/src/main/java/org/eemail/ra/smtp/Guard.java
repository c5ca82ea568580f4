// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.function.Predicate;
import org.eemail.ra.protocol.Response;

/**
 * A precondition of a verb besides its state, wrapped around the verb's handler in
 * {@link SmtpVerb} (SubEthaSMTP's {@code Require*CommandWrapper}), so handlers never test it.
 */
final class Guard implements SmtpCommandHandler {

    private final Predicate<SmtpSession> condition;
    private final SmtpReply refusal;
    private final SmtpCommandHandler inner;

    private Guard(Predicate<SmtpSession> condition, SmtpReply refusal, SmtpCommandHandler inner) {
        this.condition = condition;
        this.refusal = refusal;
        this.inner = inner;
    }

    /** RFC 4954 §4 and this server's policy: credentials only travel encrypted. */
    static SmtpCommandHandler requireTls(SmtpCommandHandler inner) {
        return new Guard(SmtpSession::tls, SmtpReplies.TLS_REQUIRED, inner);
    }

    /** RFC 3207 §4: STARTTLS only on a plain connection of a listener that offers it. */
    static SmtpCommandHandler requireTlsOffered(SmtpCommandHandler inner) {
        return new Guard(SmtpSession::mayStartTls, SmtpReplies.BAD_SEQUENCE, inner);
    }

    /** RFC 6409 §4.3 and RFC 8314: submission listeners take mail only from authenticated users. */
    static SmtpCommandHandler requireAuthOnSubmission(SmtpCommandHandler inner) {
        return new Guard(s -> !s.settings().listener().requiresAuth() || s.identity().isPresent(),
                SmtpReplies.AUTH_REQUIRED, inner);
    }

    /** RFC 4954 §4: AUTH is not allowed once the client has authenticated. */
    static SmtpCommandHandler requireNotAuthenticated(SmtpCommandHandler inner) {
        return new Guard(s -> s.identity().isEmpty(), SmtpReplies.BAD_SEQUENCE, inner);
    }

    @Override
    public Response handle(SmtpSession session, String argument) {
        return condition.test(session) ? inner.handle(session, argument) : inner.refuse(session, argument, refusal);
    }

    @Override
    public Response refuse(SmtpSession session, String argument, SmtpReply reply) {
        return inner.refuse(session, argument, reply);
    }
}
