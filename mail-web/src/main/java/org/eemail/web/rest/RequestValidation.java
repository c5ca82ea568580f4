// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eemail.ejb.domain.DomainName;
import org.eemail.ejb.domain.MailAddress;

/**
 * Checks what requests carry before any store is called, so that bad input is answered with 400
 * and a reason, and the stores only see parsed, normalised values. Address and domain syntax
 * errors surface as {@code InvalidAddressException}, which also means 400.
 */
final class RequestValidation {

    /** Long enough for any passphrase; short enough that PBKDF2 over it stays cheap. */
    static final int MAX_PASSWORD = 1024;
    static final int MAX_APOP_SECRET_OCTETS = 128;
    /** More targets than this is a mailing list, not an alias. */
    static final int MAX_TARGETS = 100;

    private RequestValidation() {
    }

    /** JSON-B gives {@code null} for an empty body. */
    static <T> T body(T request) {
        if (request == null) {
            throw new InvalidRequestException("request body is missing");
        }
        return request;
    }

    static MailAddress address(String address) {
        return MailAddress.parse(address);
    }

    static String domain(String name) {
        return DomainName.normalize(name);
    }

    static String password(String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidRequestException("password is empty");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InvalidRequestException("password longer than " + MAX_PASSWORD + " characters");
        }
        return password;
    }

    /** An APOP secret: not empty, at most 128 octets in UTF-8, so that its ciphertext fits its column. */
    static String apopSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new InvalidRequestException("secret is empty");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_APOP_SECRET_OCTETS) {
            throw new InvalidRequestException("secret longer than " + MAX_APOP_SECRET_OCTETS + " octets in UTF-8");
        }
        return secret;
    }

    /** The quota in bytes: {@code defaultQuota} when absent, 0 meaning unlimited. */
    static long quota(Long quota, long defaultQuota) {
        if (quota == null) {
            return defaultQuota;
        }
        if (quota < 0) {
            throw new InvalidRequestException("quota must be 0 (unlimited) or a number of bytes");
        }
        return quota;
    }

    /** The parsed targets, duplicates after normalisation dropped, in the order given. */
    static List<MailAddress> targets(List<String> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new InvalidRequestException("targets are empty");
        }
        if (targets.size() > MAX_TARGETS) {
            throw new InvalidRequestException("more than " + MAX_TARGETS + " targets");
        }
        Set<MailAddress> parsed = new LinkedHashSet<>();
        for (String target : targets) {
            parsed.add(MailAddress.parse(target));
        }
        return List.copyOf(parsed);
    }
}
