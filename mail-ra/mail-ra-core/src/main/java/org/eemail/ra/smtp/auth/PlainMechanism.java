// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.auth;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpSession;

/**
 * SASL PLAIN, RFC 4616 §2: one response, {@code [authzid] NUL authcid NUL passwd}. Acting for
 * another identity (an authzid other than the authcid) is not supported and fails like a wrong
 * password.
 */
public final class PlainMechanism {

    private PlainMechanism() {
    }

    /** {@code AUTH PLAIN [initial-response]}. */
    public static Response start(SmtpSession session, String initial) {
        return initial.isEmpty()
                ? Sasl.challenge(session, "", PlainMechanism::credentials)
                : Sasl.initial(session, initial, PlainMechanism::credentials);
    }

    private static Response credentials(SmtpSession session, String message) {
        String[] parts = message.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || !parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            return Sasl.failed(session);
        }
        return Sasl.verify(session, parts[1], parts[2]);
    }
}
