// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.auth;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpSession;

/**
 * SASL LOGIN (draft-murchison-sasl-login): the server asks {@code Username:} and then
 * {@code Password:}; an initial response is the user name.
 */
public final class LoginMechanism {

    private LoginMechanism() {
    }

    /** {@code AUTH LOGIN [initial-response]}. */
    public static Response start(SmtpSession session, String initial) {
        return initial.isEmpty()
                ? Sasl.challenge(session, "Username:", LoginMechanism::username)
                : Sasl.initial(session, initial, LoginMechanism::username);
    }

    private static Response username(SmtpSession session, String username) {
        return Sasl.challenge(session, "Password:", (s, password) -> Sasl.verify(s, username, password));
    }
}
