// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts APOP secrets (RFC 1939 §7), which unlike login passwords must be read
 * back to check a digest: AES-256-GCM with a random 96-bit nonce per secret, stored as base64 of
 * nonce and ciphertext. A copy of the database alone does not reveal the secrets; the key lives
 * apart from it ({@link ApopKey}).
 */
public final class ApopSecrets {

    private static final int NONCE_OCTETS = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public ApopSecrets(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 octets, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public String encrypt(String secret) {
        byte[] nonce = new byte[NONCE_OCTETS];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_OCTETS + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an APOP secret", e);
        }
    }

    /** @throws IllegalStateException when {@code encrypted} was not made with this key */
    public String decrypt(String encrypted) {
        byte[] octets = Base64.getDecoder().decode(encrypted);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, octets, 0, NONCE_OCTETS));
            byte[] plain = cipher.doFinal(octets, NONCE_OCTETS, octets.length - NONCE_OCTETS);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt an APOP secret: another key, or a damaged value", e);
        }
    }
}
