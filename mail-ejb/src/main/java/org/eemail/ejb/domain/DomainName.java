// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises a domain name to the one form stored and compared everywhere: lower-case ASCII, with
 * internationalised labels converted to their A-label ({@code xn--}) form, so that
 * {@code Bücher.Test} and {@code xn--bcher-kva.test} are the same domain.
 */
public final class DomainName {

    /** RFC 1035 §2.3.4: 255 octets on the wire, 253 as text without the trailing dot. */
    public static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private DomainName() {
    }

    /**
     * Returns the normal form of {@code input}.
     *
     * @throws InvalidAddressException when it is not a fully qualified host name: address literals
     *                                 such as {@code [192.0.2.1]} are refused, because a server
     *                                 that hosts mailboxes names its domains
     */
    public static String normalize(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidAddressException("domain is empty");
        }
        if (input.startsWith("[")) {
            throw new InvalidAddressException("address literals are not accepted: " + input);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(input, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException("invalid domain: " + input);
        }
        checkSyntax(ascii, input);
        return ascii;
    }

    private static void checkSyntax(String ascii, String input) {
        if (ascii.length() > MAX_LENGTH) {
            throw new InvalidAddressException("domain longer than " + MAX_LENGTH + " characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidAddressException("domain must have at least two labels: " + input);
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || !LDH_LABEL.matcher(label).matches()) {
                throw new InvalidAddressException("invalid domain: " + input);
            }
        }
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
            throw new InvalidAddressException("domain cannot end in a numeric label: " + input);
        }
    }
}
