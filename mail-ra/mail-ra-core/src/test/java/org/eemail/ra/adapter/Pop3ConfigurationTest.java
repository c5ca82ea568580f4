// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.pop3.PlaintextAuth;
import org.eemail.ra.pop3.Pop3Settings;
import org.junit.jupiter.api.Test;

class Pop3ConfigurationTest {

    private static Pop3Settings load(Map<String, String> values) {
        return Pop3Configuration.load(name -> Optional.ofNullable(values.get(name)), "mx.test");
    }

    @Test
    void defaultsAreLoopbackOnlyPlaintextAndNoApop() {
        Pop3Settings settings = load(Map.of());
        assertEquals(PlaintextAuth.LOOPBACK, settings.plaintextAuth());
        assertFalse(settings.apop());
    }

    @Test
    void bothKeysAreTaken() {
        Pop3Settings settings = load(Map.of("mail.pop3.allow-plaintext-auth", "TRUE", "mail.pop3.apop", "true"));
        assertEquals(PlaintextAuth.ALWAYS, settings.plaintextAuth());
        assertTrue(settings.apop());
        assertEquals(PlaintextAuth.NEVER, load(Map.of("mail.pop3.allow-plaintext-auth", "false")).plaintextAuth());
    }

    @Test
    void aValueThatIsNoBooleanNamesItsProperty() {
        StartupFailure failure = assertThrows(StartupFailure.class, () -> load(Map.of("mail.pop3.apop", "yes")));
        assertTrue(failure.getMessage().startsWith("Cannot start: mail.pop3.apop=yes"), failure.getMessage());
    }
}
