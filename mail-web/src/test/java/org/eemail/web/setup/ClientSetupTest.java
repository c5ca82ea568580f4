// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.config.ServerSettings;
import org.junit.jupiter.api.Test;

class ClientSetupTest {

    static ServerSettings settings(Map<String, String> values) {
        return ServerSettings.load(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void implicitTlsComesFirstAndTheMtaPortIsNeverOffered() {
        ClientSetup setup = ClientSetup.of(settings(Map.of("mail.hostname", "mail.acme.test")), "alice@acme.test");
        assertEquals(List.of(
                new ClientServer("pop3", "mail.acme.test", 1995, "SSL", "alice@acme.test", "password-cleartext"),
                new ClientServer("pop3", "mail.acme.test", 1110, "STARTTLS", "alice@acme.test", "password-cleartext")),
                setup.incoming());
        assertEquals(List.of(
                new ClientServer("smtp", "mail.acme.test", 2465, "SSL", "alice@acme.test", "password-cleartext"),
                new ClientServer("smtp", "mail.acme.test", 2587, "STARTTLS", "alice@acme.test", "password-cleartext")),
                setup.outgoing());
    }

    @Test
    void publicPortsAreWhatClientsAreToldAndListenersSwitchedOffAreLeftOut() {
        ClientSetup setup = ClientSetup.of(settings(Map.of("mail.hostname", "mx.test",
                "mail.pop3.port", "0", "mail.submission.port", "0",
                "mail.pop3s.public-port", "995", "mail.smtps.public-port", "465")), "bob@acme.test");
        assertEquals(List.of(995), setup.incoming().stream().map(ClientServer::port).toList());
        assertEquals(List.of(465), setup.outgoing().stream().map(ClientServer::port).toList());
    }
}
