// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import java.util.Set;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.pop3.Pop3State;
import org.eemail.ra.protocol.Response;

/**
 * QUIT, RFC 1939 §4 and §6. In AUTHORIZATION: sign off. In TRANSACTION: the UPDATE state, the only
 * place where messages marked with DELE are removed, together with the release of the lock in one
 * transaction; if that fails nothing is removed, the lock is released anyway, and the client hears
 * {@code -ERR}. The connection closes in every case.
 */
public final class QuitHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(Pop3Replies.NO_ARGUMENTS_ALLOWED);
        }
        if (session.state() != Pop3State.TRANSACTION) {
            return Response.closing(Pop3Replies.signingOff(session.hostname()));
        }
        session.enterUpdate();
        Set<Long> deleted = session.messages().deletedUids();
        try {
            if (session.backend().update(session.account(), session.id(), deleted)) {
                return Response.closing(Pop3Replies.signingOff(session.hostname(), session.messages().count()));
            }
        } catch (RuntimeException failure) {
            session.backendFailed("update", failure);
            release(session);
        }
        return Response.closing(Pop3Replies.NOT_ALL_DELETED);
    }

    private static void release(Pop3Session session) {
        try {
            session.backend().release(session.account(), session.id());
        } catch (RuntimeException failure) {
            session.backendFailed("release", failure);
        }
    }
}
