// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import java.util.ArrayList;
import java.util.List;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.pop3.Pop3State;
import org.eemail.ra.protocol.Response;

/**
 * CAPA, RFC 2449 §5: the capabilities as they stand now. USER and SASL PLAIN only where a
 * password may be sent (RFC 2595 §2.1), STLS only in AUTHORIZATION before TLS (RFC 2595 §4).
 */
public final class CapaHandler implements Pop3CommandHandler {

    static final String IMPLEMENTATION = "IMPLEMENTATION EE-Mail-Server";

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(Pop3Replies.NO_ARGUMENTS_ALLOWED);
        }
        boolean authorization = session.state() == Pop3State.AUTHORIZATION;
        List<String> capabilities = new ArrayList<>(List.of("TOP", "UIDL"));
        if (authorization && session.plaintextAllowed()) {
            capabilities.add("USER");
        }
        capabilities.addAll(List.of("RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"));
        if (authorization && session.plaintextAllowed()) {
            capabilities.add("SASL PLAIN");
        }
        if (authorization && !session.tls()) {
            capabilities.add("STLS");
        }
        capabilities.add(IMPLEMENTATION);
        return Response.of(Pop3Replies.listing("Capability list follows", capabilities));
    }
}
