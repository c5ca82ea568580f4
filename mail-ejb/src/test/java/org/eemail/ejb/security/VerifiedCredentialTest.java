// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class VerifiedCredentialTest {

    private static final String HASH = "pbkdf2$stored";

    @Test
    void remembersOnlyTheLastCredential() {
        VerifiedCredential cache = new VerifiedCredential();
        assertFalse(cache.matches("admin", "secret", HASH));
        cache.remember("admin", "secret", HASH);
        assertTrue(cache.matches("admin", "secret", HASH));
        assertFalse(cache.matches("admin", "secreT", HASH));
        assertFalse(cache.matches("admi", "nsecret", HASH));
        cache.remember("admin", "other", HASH);
        assertFalse(cache.matches("admin", "secret", HASH));
    }

    @Test
    void aChangedStoredHashNoLongerMatches() {
        VerifiedCredential cache = new VerifiedCredential();
        cache.remember("admin", "secret", HASH);
        assertFalse(cache.matches("admin", "secret", "pbkdf2$another"));
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        SecureRandom random = new SecureRandom();
        String first = AdminCredentials.randomPassword(random);
        assertEquals(24, first.length());
        assertNotEquals(first, AdminCredentials.randomPassword(random));
    }
}
