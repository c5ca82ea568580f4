// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.smtp.SmtpSettings;
import org.junit.jupiter.api.Test;

class SmtpConfigurationTest {

    private static SmtpSettings load(Map<String, String> values) {
        return SmtpConfiguration.load(name -> Optional.ofNullable(values.get(name)), "mx.test");
    }

    @Test
    void defaultsAre25MibAHundredRecipientsAndNoTrustedNetwork() {
        SmtpSettings settings = load(Map.of());
        assertEquals(25L * 1024 * 1024, settings.maxMessageSize());
        assertEquals(100, settings.maxRecipients());
        assertFalse(settings.trusts("127.0.0.1"), "not even loopback relays without AUTH by default");
    }

    @Test
    void limitsAndTrustedNetworksAreTaken() {
        SmtpSettings settings = load(Map.of("mail.smtp.max-message-size", "1000", "mail.smtp.max-recipients", "5",
                "mail.relay.trusted-networks", "10.0.0.0/8, 2001:db8::/32"));
        assertEquals(1000, settings.maxMessageSize());
        assertEquals(5, settings.maxRecipients());
        assertTrue(settings.trusts("10.1.2.3"));
        assertTrue(settings.trusts("2001:db8::25"));
        assertFalse(settings.trusts("192.0.2.1"));
    }

    @Test
    void badValuesNameTheirProperty() {
        StartupFailure size = assertThrows(StartupFailure.class, () -> load(Map.of("mail.smtp.max-message-size", "-1")));
        assertTrue(size.getMessage().startsWith("Cannot start: mail.smtp.max-message-size=-1"), size.getMessage());
        StartupFailure networks = assertThrows(StartupFailure.class,
                () -> load(Map.of("mail.relay.trusted-networks", "10.0.0.0/8,everyone")));
        assertTrue(networks.getMessage().contains("'everyone' is not a CIDR block"), networks.getMessage());
    }
}
