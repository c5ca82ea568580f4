// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.Objects;

/**
 * What the POP3 sessions of a server share.
 *
 * @param hostname      the name in the greeting and sign-off
 * @param plaintextAuth where USER/PASS and SASL PLAIN are allowed before TLS
 * @param apop          whether APOP (RFC 1939 §7) is offered: a timestamp in the greeting, and
 *                      the APOP command for accounts that have an APOP secret
 */
public record Pop3Settings(String hostname, PlaintextAuth plaintextAuth, boolean apop) {

    public Pop3Settings {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(plaintextAuth, "plaintextAuth");
    }

    /** The defaults: plaintext login from loopback only, no APOP. */
    public static Pop3Settings defaults(String hostname) {
        return new Pop3Settings(hostname, PlaintextAuth.LOOPBACK, false);
    }
}
