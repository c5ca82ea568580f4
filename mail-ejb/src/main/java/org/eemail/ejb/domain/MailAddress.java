// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A mailbox address in the one normal form the server stores and compares: the local part
 * lower-cased, the domain as {@link DomainName} normalises it.
 *
 * <p>Only the dot-atom form of RFC 5322 §3.4.1 is accepted for the local part, with UTF-8 beyond
 * ASCII as RFC 6531 §3.3 allows. Everything that historically let a server relay for strangers is
 * refused with its own reason: quoted local parts, {@code %} and {@code !} routing, a second
 * {@code @}, and RFC 5321 §4.1.2 source routes ({@code @relay:user@domain}).
 *
 * @param localPart the part before the {@code @}, lower-cased
 * @param domain    the normalised domain
 */
public record MailAddress(String localPart, String domain) {

    /** RFC 5321 §4.5.3.1.1. */
    public static final int MAX_LOCAL_PART = 64;
    /** RFC 5321 §4.5.3.1.3 path limit of 256 octets, less the angle brackets. */
    public static final int MAX_ADDRESS = 254;
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    /**
     * Parses and normalises {@code input}.
     *
     * @throws InvalidAddressException with the reason when {@code input} is not acceptable
     */
    public static MailAddress parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidAddressException("address is empty");
        }
        if (input.startsWith("@")) {
            throw new InvalidAddressException("source routes are not accepted: " + input);
        }
        if (input.startsWith("\"")) {
            throw new InvalidAddressException("quoted local parts are not accepted: " + input);
        }
        int at = input.indexOf('@');
        if (at < 0) {
            throw new InvalidAddressException("address has no @: " + input);
        }
        if (input.indexOf('@', at + 1) >= 0) {
            throw new InvalidAddressException("address has more than one @: " + input);
        }
        String local = checkLocalPart(input.substring(0, at), input);
        MailAddress address = new MailAddress(local, DomainName.normalize(input.substring(at + 1)));
        if (octets(address.toString()) > MAX_ADDRESS) {
            throw new InvalidAddressException("address longer than " + MAX_ADDRESS + " octets");
        }
        return address;
    }

    private static String checkLocalPart(String local, String input) {
        if (local.indexOf('%') >= 0 || local.indexOf('!') >= 0) {
            throw new InvalidAddressException("'%' and '!' routing are not accepted: " + input);
        }
        if (local.isEmpty()) {
            throw new InvalidAddressException("local part is empty: " + input);
        }
        if (octets(local) > MAX_LOCAL_PART) {
            throw new InvalidAddressException("local part longer than " + MAX_LOCAL_PART + " octets");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new InvalidAddressException("misplaced dot in local part: " + input);
        }
        if (!local.codePoints().allMatch(c -> c == '.' || isAtext(c))) {
            throw new InvalidAddressException("invalid character in local part: " + input);
        }
        return local.toLowerCase(Locale.ROOT);
    }

    /** RFC 5322 §3.2.3 atext, widened by RFC 6531 §3.3 to every non-ASCII, non-control code point. */
    private static boolean isAtext(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATEXT_SYMBOLS.indexOf(c) >= 0;
        }
        return !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.SURROGATE;
    }

    private static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
