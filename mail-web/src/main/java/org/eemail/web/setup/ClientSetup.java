// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eemail.ra.config.Listener;
import org.eemail.ra.config.ServerSettings;
import org.eemail.ra.config.TlsMode;

/**
 * The servers a user's mail client talks to, in the order a client should prefer them: implicit
 * TLS before STARTTLS (RFC 8314 §3). The MTA listener (port 25) is for other servers, not for
 * clients, and is never offered.
 *
 * @param incoming POP3S, then POP3 with STLS, as far as they are switched on
 * @param outgoing SMTPS, then submission with STARTTLS, as far as they are switched on
 */
public record ClientSetup(List<ClientServer> incoming, List<ClientServer> outgoing) {

    private static final List<Listener> INCOMING = List.of(Listener.POP3S, Listener.POP3);
    private static final List<Listener> OUTGOING = List.of(Listener.SMTPS, Listener.SUBMISSION);

    /** The setup for the account {@code address} on the server that {@code settings} describe. */
    public static ClientSetup of(ServerSettings settings, String address) {
        return new ClientSetup(servers(settings, INCOMING, address), servers(settings, OUTGOING, address));
    }

    private static List<ClientServer> servers(ServerSettings settings, List<Listener> wanted, String address) {
        return wanted.stream()
                .map(settings::endpoint)
                .flatMap(Optional::stream)
                .map(endpoint -> new ClientServer(
                        endpoint.listener().protocol().name().toLowerCase(Locale.ROOT),
                        settings.hostname(),
                        endpoint.publicPort(),
                        endpoint.listener().tls() == TlsMode.IMPLICIT ? "SSL" : "STARTTLS",
                        address,
                        ClientServer.NORMAL_PASSWORD))
                .toList();
    }
}
