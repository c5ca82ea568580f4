// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final String HASH_OF_SECRET = PasswordHasher.hash("correct horse");

    @Test
    void storesSelfDescribingForm() {
        String[] parts = HASH_OF_SECRET.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(HASH_OF_SECRET.contains("correct horse"));
    }

    @Test
    void matchesOnlyTheSamePassword() {
        assertTrue(PasswordHasher.matches("correct horse", HASH_OF_SECRET));
        assertFalse(PasswordHasher.matches("correct horsE", HASH_OF_SECRET));
        assertFalse(PasswordHasher.matches("", HASH_OF_SECRET));
        assertFalse(PasswordHasher.matches(null, HASH_OF_SECRET));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
    }

    @Test
    void knownVector() {
        // RFC 7914 §11 PBKDF2-HMAC-SHA256 test vector: P="passwd", S="salt", c=1, first 32 octets.
        byte[] expected = hex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        String stored = PasswordHasher.format(1, "salt".getBytes(), expected);
        assertTrue(PasswordHasher.matches("passwd", stored));
        assertFalse(PasswordHasher.matches("passwe", stored));
    }

    @Test
    void honoursTheIterationsStoredWithTheHash() {
        byte[] salt = "0123456789abcdef".getBytes();
        String cheap = PasswordHasher.format(1000, salt, new byte[32]);
        assertFalse(PasswordHasher.matches("x", cheap));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        for (String stored : new String[] {null, "", "plain", "md5$1$a$b", "pbkdf2-sha256$x$AAAA$AAAA",
            "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1$$AAAA", "pbkdf2-sha256$1$AAAA$", "pbkdf2-sha256$1$!!$AAAA",
            HASH_OF_SECRET + "$extra"}) {
            assertFalse(PasswordHasher.matches("correct horse", stored), () -> "matched " + stored);
        }
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
