// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user and password of an RFC 7617 {@code Authorization: Basic} header, decoded as UTF-8.
 *
 * @param user     the part before the first colon
 * @param password the rest, which may itself contain colons
 */
record BasicCredentials(String user, String password) {

    private static final String SCHEME = "basic ";

    /** The credentials in {@code header}, or empty when it is absent or not well-formed Basic. */
    static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
