// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ESMTP parameters after a MAIL or RCPT path (RFC 5321 §4.1.2 Mail-parameters), keyword to
 * value, with the RFC 3461 §4 xtext decoding their values use.
 */
public final class EsmtpParameters {

    private EsmtpParameters() {
    }

    /**
     * Parses {@code KEY=value KEY2 ...}; keywords are upper-cased, a keyword without {@code =}
     * maps to {@code null}. A malformed or repeated parameter is a 501.
     */
    public static Map<String, String> parse(String text) throws SmtpRefusal {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text.isBlank()) {
            return parameters;
        }
        for (String parameter : text.strip().split(" +")) {
            int equals = parameter.indexOf('=');
            String keyword = (equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? null : parameter.substring(equals + 1);
            if (!keyword.matches("[A-Z0-9][A-Z0-9-]*") || value != null && !value(value)
                    || parameters.containsKey(keyword)) {
                throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
            }
            parameters.put(keyword, value);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** RFC 5321 esmtp-value, with UTF-8 (RFC 6531 §3.3). */
    private static boolean value(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= 33 && c <= 126 && c != '=' || c >= 0x80);
    }

    /**
     * Decodes RFC 3461 §4 xtext: printable ASCII but {@code +} and {@code =}, and {@code +XX} for
     * any octet by two upper-case hex digits.
     */
    public static String xtext(String text) throws SmtpRefusal {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                if (!hex(text, i + 1) || !hex(text, i + 2)) {
                    throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
                }
                decoded.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c >= 33 && c <= 126 && c != '=') {
                decoded.append(c);
            } else {
                throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
            }
        }
        return decoded.toString();
    }

    private static boolean hex(String text, int at) {
        return at < text.length() && "0123456789ABCDEF".indexOf(text.charAt(at)) >= 0;
    }
}
