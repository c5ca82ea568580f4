// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class VerifiedCredentialTest {

    @Test
    void remembersOnlyTheLastCredential() {
        VerifiedCredential cache = new VerifiedCredential();
        assertFalse(cache.matches("admin", "secret"));
        cache.remember("admin", "secret");
        assertTrue(cache.matches("admin", "secret"));
        assertFalse(cache.matches("admin", "secreT"));
        assertFalse(cache.matches("admi", "nsecret"));
        cache.remember("admin", "other");
        assertFalse(cache.matches("admin", "secret"));
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        SecureRandom random = new SecureRandom();
        String first = AdminCredentials.randomPassword(random);
        assertEquals(24, first.length());
        assertNotEquals(first, AdminCredentials.randomPassword(random));
    }
}
