// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a password may travel in clear (USER/PASS, SASL PLAIN) before TLS: RFC 2595 §2.1 and RFC
 * 8314 §3 ask servers to refuse it on unencrypted connections; loopback clients, which no one can
 * eavesdrop on, are the default exception ({@code mail.pop3.allow-plaintext-auth}).
 */
public enum PlaintextAuth {
    /** Any client, encrypted or not ({@code true}). */
    ALWAYS,
    /** Only clients on a loopback address (unset, the default). */
    LOOPBACK,
    /** Never before TLS ({@code false}). */
    NEVER;

    /** Whether a client at {@code clientAddress} (an IP literal) may log in without TLS. */
    public boolean allows(String clientAddress) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case LOOPBACK -> isLoopback(clientAddress);
        };
    }

    private static boolean isLoopback(String clientAddress) {
        if (!clientAddress.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(clientAddress).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
