// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers the last credential that passed a full password check, so the next request with the
 * same one costs a microsecond instead of a 0.2 s PBKDF2 derivation. The stored hash it passed
 * against is part of what is remembered: once the password is changed or the administrator
 * removed, on this instance or on another sharing the database, it no longer matches.
 *
 * <p>Only a keyed digest (HMAC-SHA256 under a random key that lives as long as this object) is
 * kept: a heap dump then reveals nothing that can be attacked offline. Comparison is in constant
 * time. Thread-safe.
 */
final class VerifiedCredential {

    private final SecretKeySpec key;
    private volatile byte[] digest;

    VerifiedCredential() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    void remember(String user, String password, String storedHash) {
        digest = digest(user, password, storedHash);
    }

    boolean matches(String user, String password, String storedHash) {
        byte[] known = digest;
        return known != null && MessageDigest.isEqual(known, digest(user, password, storedHash));
    }

    private byte[] digest(String user, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
