// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.StartupFailure;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    private static ServerSettings load(Map<String, String> values) {
        return ServerSettings.load(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void defaultsBindAllFiveListenersOnUnprivilegedPorts() {
        ServerSettings settings = load(Map.of());
        List<Integer> ports = settings.endpoints().stream().map(e -> e.address().getPort()).toList();
        assertEquals(List.of(2525, 2587, 2465, 1110, 1995), ports);
        assertEquals("0.0.0.0", settings.endpoints().get(0).address().getAddress().getHostAddress());
        assertTrue(settings.dataDirectory().isAbsolute());
    }

    @Test
    void portZeroSwitchesAListenerOff() {
        ServerSettings settings = load(Map.of("mail.pop3.port", "0", "mail.smtps.port", "0"));
        assertEquals(List.of(Listener.SMTP, Listener.SUBMISSION, Listener.POP3S),
                settings.endpoints().stream().map(ListenerEndpoint::listener).toList());
    }

    @Test
    void hostnameAndBindAddressAreTaken() {
        ServerSettings settings = load(Map.of("mail.hostname", "mx.example.org", "mail.bind-address", "127.0.0.1"));
        assertEquals("mx.example.org", settings.hostname());
        assertEquals("127.0.0.1", settings.endpoints().get(0).address().getAddress().getHostAddress());
    }

    @Test
    void portOutOfRangeNamesThePropertyAndValue() {
        StartupFailure failure = assertThrows(StartupFailure.class, () -> load(Map.of("mail.smtp.port", "70000")));
        assertTrue(failure.getMessage().startsWith("Cannot start: mail.smtp.port=70000: not a port number"), failure.getMessage());
    }

    @Test
    void portThatIsNoNumberIsRefused() {
        StartupFailure failure = assertThrows(StartupFailure.class, () -> load(Map.of("mail.pop3s.port", "pop")));
        assertTrue(failure.getMessage().contains("mail.pop3s.port=pop"), failure.getMessage());
    }

    @Test
    void twoListenersOnOnePortAreRefused() {
        StartupFailure failure = assertThrows(StartupFailure.class,
                () -> load(Map.of("mail.submission.port", "2525")));
        assertTrue(failure.getMessage().contains("mail.submission.port=2525: the same port as mail.smtp.port"),
                failure.getMessage());
    }

    @Test
    void aHostNameIsNoBindAddress() {
        StartupFailure failure = assertThrows(StartupFailure.class,
                () -> load(Map.of("mail.bind-address", "mail.example.org")));
        assertTrue(failure.getMessage().contains("mail.bind-address=mail.example.org"), failure.getMessage());
    }

    @Test
    void clientsAreToldTheBoundPortUnlessAPublicPortIsGiven() {
        ServerSettings settings = load(Map.of("mail.smtps.public-port", "465"));
        assertEquals(List.of(2525, 2587, 465, 1110, 1995),
                settings.endpoints().stream().map(ListenerEndpoint::publicPort).toList());
        assertEquals(2465, settings.endpoints().get(2).address().getPort());
    }

    @Test
    void publicPortThatIsNoPortNamesTheProperty() {
        StartupFailure failure = assertThrows(StartupFailure.class, () -> load(Map.of("mail.pop3s.public-port", "0")));
        assertTrue(failure.getMessage().contains("mail.pop3s.public-port=0: not a port number"), failure.getMessage());
    }
}
