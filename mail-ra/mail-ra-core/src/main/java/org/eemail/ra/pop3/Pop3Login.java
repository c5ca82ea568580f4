// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.protocol.Response;

/**
 * What USER/PASS, APOP and AUTH share once the client has given its credentials (RFC 1939 §7,
 * RFC 5034 §4): check them, lock the maildrop, fix its message list.
 */
public final class Pop3Login {

    private Pop3Login() {
    }

    /**
     * Checks the credentials with {@code check}, then opens the maildrop: {@code +OK} and the
     * TRANSACTION state; {@code -ERR [AUTH]} after a growing delay for wrong credentials, the same
     * for an unknown user; {@code -ERR [IN-USE]} when another session holds the maildrop;
     * {@code -ERR [SYS/TEMP]} when the backend fails.
     */
    public static Response complete(Pop3Session session, Supplier<Optional<String>> check) {
        Optional<String> account;
        try {
            account = check.get();
        } catch (RuntimeException failure) {
            session.backendFailed("authenticate", failure);
            return Response.of(Pop3Replies.TEMPORARY_FAILURE);
        }
        if (account.isEmpty()) {
            return failed(session);
        }
        session.connection().loginFailures().succeeded(session.connection().clientAddress());
        Optional<List<MaildropEntry>> maildrop;
        try {
            maildrop = session.backend().open(account.get(), session.id());
        } catch (RuntimeException failure) {
            session.backendFailed("open", failure);
            return Response.of(Pop3Replies.TEMPORARY_FAILURE);
        }
        if (maildrop.isEmpty()) {
            return Response.of(Pop3Replies.IN_USE);
        }
        session.enterTransaction(account.get(), maildrop.get());
        return Response.of(Pop3Replies.maildrop(session.messages()));
    }

    /**
     * {@code -ERR [AUTH]}, answered later with each failure from the client's address, so that
     * guessing passwords is slow; the session stays in AUTHORIZATION.
     */
    public static Response failed(Pop3Session session) {
        String client = session.connection().clientAddress();
        return Response.of(Pop3Replies.LOGIN_FAILED).delayed(session.connection().loginFailures().failed(client));
    }
}
