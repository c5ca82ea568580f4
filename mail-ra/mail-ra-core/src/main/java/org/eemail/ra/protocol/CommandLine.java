// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.util.Locale;

/**
 * A command line split into its verb (upper-cased) and the rest, as SMTP (RFC 5321 §4.1.1) and
 * POP3 (RFC 1939 §3) both write commands: a keyword, then arguments after one space.
 */
public record CommandLine(String verb, String argument) {

    public static CommandLine parse(String line) {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1);
        return new CommandLine(verb.toUpperCase(Locale.ROOT), argument);
    }

    public boolean hasArgument() {
        return !argument.isEmpty();
    }
}
