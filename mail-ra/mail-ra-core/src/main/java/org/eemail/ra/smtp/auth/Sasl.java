// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpContinuation;
import org.eemail.ra.smtp.SmtpRefusal;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpReply;
import org.eemail.ra.smtp.SmtpSession;

/**
 * What the SASL mechanisms of AUTH share (RFC 4954 §4): base64 client responses, {@code *} to
 * cancel, 334 challenges, and the check of the credentials against the backend.
 */
public final class Sasl {

    /** One step of a mechanism, given the decoded client response. */
    @FunctionalInterface
    public interface Step {
        Response next(SmtpSession session, String response);
    }

    private Sasl() {
    }

    /**
     * Runs {@code step} on the initial response of {@code AUTH <mechanism> <initial>}; {@code =}
     * stands for an empty one (RFC 4954 §4).
     */
    public static Response initial(SmtpSession session, String initial, Step step) {
        return decoded(session, initial.equals("=") ? "" : initial, step);
    }

    /** Sends the 334 {@code challenge} and runs {@code step} on the client's answer. */
    public static Response challenge(SmtpSession session, String challenge, Step step) {
        SmtpContinuation answer = (s, line) -> decoded(s, line, step);
        session.expectContinuation(answer);
        String encoded = Base64.getEncoder().encodeToString(challenge.getBytes(StandardCharsets.UTF_8));
        return Response.of(SmtpReplies.authChallenge(encoded));
    }

    private static Response decoded(SmtpSession session, String line, Step step) {
        try {
            return step.next(session, decode(line));
        } catch (SmtpRefusal refusal) {
            return Response.of(refusal.reply());
        }
    }

    private static String decode(String line) throws SmtpRefusal {
        if (line.equals("*")) {
            throw new SmtpRefusal(SmtpReplies.AUTH_CANCELLED);
        }
        try {
            return new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new SmtpRefusal(SmtpReplies.BAD_BASE64);
        }
    }

    /** Checks the credentials: 235 and the session authenticated, or 535 (454 if the backend failed). */
    public static Response verify(SmtpSession session, String username, String password) {
        Optional<String> identity;
        try {
            identity = session.backend().authenticate(username, password);
        } catch (RuntimeException failure) {
            session.backendFailed("authenticate", failure);
            return Response.of(SmtpReplies.AUTH_TEMPORARY_FAILURE);
        }
        if (identity.isEmpty()) {
            return failed(session);
        }
        session.connection().loginFailures().succeeded(session.connection().clientAddress());
        session.authenticated(identity.get());
        return Response.of(SmtpReplies.AUTH_SUCCEEDED);
    }

    /**
     * 535, answered later with each failure from the client's address: RFC 4954 §4 lets a server
     * delay its answer to a failed AUTH, which slows password guessing.
     */
    public static Response failed(SmtpSession session) {
        String client = session.connection().clientAddress();
        return Response.of(SmtpReplies.AUTH_FAILED).delayed(session.connection().loginFailures().failed(client));
    }
}
