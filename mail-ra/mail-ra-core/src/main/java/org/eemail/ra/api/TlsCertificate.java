// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The certificate the listeners present, as the console shows it.
 *
 * @param subject    the subject's distinguished name
 * @param issuer     the issuer's distinguished name
 * @param notBefore  valid from
 * @param notAfter   valid until: renew before
 * @param selfSigned whether it signed itself (clients must be told to trust it)
 * @param sha256     the SHA-256 fingerprint of its DER encoding, in hex pairs
 */
public record TlsCertificate(String subject, String issuer, Instant notBefore, Instant notAfter, boolean selfSigned,
                             String sha256) {

    public static TlsCertificate of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new TlsCertificate(certificate.getSubjectX500Principal().getName(),
                    certificate.getIssuerX500Principal().getName(),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()),
                    HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }
}
