// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Login;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/**
 * AUTH mechanism [initial-response], RFC 5034 §4, with SASL PLAIN (RFC 4616): one response,
 * {@code [authzid] NUL authcid NUL passwd}, given at once or after an empty {@code +} challenge;
 * {@code *} cancels. Acting for another identity is not supported and fails like a wrong password.
 * AUTH without a mechanism lists the mechanisms, as clients of the RFC 1734 era expect.
 */
public final class AuthHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (argument.isEmpty()) {
            return Response.of(Pop3Replies.listing("Supported mechanisms follow", List.of("PLAIN")));
        }
        String[] words = argument.split(" ", -1);
        if (words.length > 2) {
            return Response.of(Pop3Replies.AUTH_SYNTAX);
        }
        if (!words[0].toUpperCase(Locale.ROOT).equals("PLAIN")) {
            return Response.of(Pop3Replies.UNKNOWN_MECHANISM);
        }
        if (!session.plaintextAllowed()) {
            return Response.of(Pop3Replies.PLAINTEXT_REFUSED);
        }
        if (words.length == 2) {
            return plain(session, words[1].equals("=") ? "" : words[1]);
        }
        session.expectContinuation(AuthHandler::plain);
        return Response.of(Pop3Replies.EMPTY_CHALLENGE);
    }

    private static Response plain(Pop3Session session, String response) {
        if (response.equals("*")) {
            return Response.of(Pop3Replies.AUTH_CANCELLED);
        }
        String message;
        try {
            message = new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Response.of(Pop3Replies.BAD_BASE64);
        }
        String[] parts = message.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || !parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            return Pop3Login.failed(session);
        }
        return Pop3Login.complete(session, () -> session.backend().authenticate(parts[1], parts[2]));
    }
}
