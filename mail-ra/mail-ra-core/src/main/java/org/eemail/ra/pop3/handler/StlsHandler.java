// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/**
 * STLS, RFC 2595 §4: {@code +OK}, then the TLS handshake; whatever the client sent after STLS and
 * before the handshake is discarded by the transport. Not under TLS (implicit or after STLS).
 */
public final class StlsHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(Pop3Replies.NO_ARGUMENTS_ALLOWED);
        }
        if (session.tls()) {
            return Response.of(Pop3Replies.TLS_ACTIVE);
        }
        return Response.startTls(Pop3Replies.STLS_READY);
    }
}
