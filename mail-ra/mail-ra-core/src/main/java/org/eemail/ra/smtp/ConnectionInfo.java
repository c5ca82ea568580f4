// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.Objects;
import org.eemail.ra.protocol.FailureDelays;

/**
 * What the transport knows about a new connection before the first byte.
 *
 * @param clientAddress the client's IP address as a literal, IPv4 ({@code 192.0.2.1}) or IPv6
 *                      ({@code 2001:db8::1}), never a host name
 * @param tls           whether the connection is already encrypted (implicit TLS, RFC 8314)
 * @param loginFailures the failed logins of every client, shared by all sessions of the server
 */
public record ConnectionInfo(String clientAddress, boolean tls, FailureDelays loginFailures) {

    public ConnectionInfo {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(loginFailures, "loginFailures");
    }

    /** A connection whose server remembers no earlier failed logins (tests, a first client). */
    public ConnectionInfo(String clientAddress, boolean tls) {
        this(clientAddress, tls, new FailureDelays());
    }
}
