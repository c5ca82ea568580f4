// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.regex.Pattern;

/**
 * The argument of EHLO and HELO (RFC 5321 §4.1.1.1): a domain or an address literal. It goes into
 * the {@code Received:} header, so nothing else is accepted. Underscores are tolerated because
 * real clients use them; the name is never checked against DNS (RFC 5321 §4.1.4).
 */
public final class HeloName {

    private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
    private static final Pattern NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*\\.?|\\[[!-Z^-~]{1,253}\\]");

    private HeloName() {
    }

    public static boolean valid(String argument) {
        return argument.length() <= 255 && NAME.matcher(argument).matches();
    }
}
