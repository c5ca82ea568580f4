// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

/**
 * One server a mail client is set up with: what a user types into a client's account dialog.
 *
 * @param protocol       {@code pop3} or {@code smtp}
 * @param hostname       the server's name ({@code mail.hostname})
 * @param port           the port clients use (the listener's public port)
 * @param security       {@code SSL} (implicit TLS, RFC 8314) or {@code STARTTLS}, the words
 *                       Thunderbird's autoconfiguration format and most clients use
 * @param username       always the full address: accounts log in with it
 * @param authentication always a normal password, sent only inside TLS
 */
public record ClientServer(String protocol, String hostname, int port, String security, String username,
                           String authentication) {

    static final String NORMAL_PASSWORD = "password-cleartext";
}
