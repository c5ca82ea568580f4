// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Received:} header field this server adds to each message (RFC 5321 §4.4), with the
 * protocol keyword of RFC 3848 (and RFC 6531 §4.3 when SMTPUTF8 was used).
 */
public final class TraceHeader {

    /** RFC 5322 §3.3 date-time, with a numeric zone. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private TraceHeader() {
    }

    /**
     * RFC 3848 §4 (and RFC 6531 §4.3): ESMTP, plus S for TLS and A for authentication; SMTP after HELO.
     */
    public static String protocol(boolean extended, boolean tls, boolean authenticated, boolean smtpUtf8) {
        if (!extended) {
            return "SMTP";
        }
        return (smtpUtf8 ? "UTF8SMTP" : "ESMTP") + (tls ? "S" : "") + (authenticated ? "A" : "");
    }

    /**
     * The folded header field, ending with CRLF.
     *
     * @param heloName      the client's EHLO/HELO argument
     * @param clientAddress the client's IP literal
     * @param hostname      this server
     * @param protocol      the {@code with} keyword
     * @param id            the message id
     * @param recipient     the recipient, named only when the message has exactly one
     * @param when          the time of receipt
     */
    public static String received(String heloName, String clientAddress, String hostname, String protocol,
                                  String id, Optional<String> recipient, ZonedDateTime when) {
        StringBuilder header = new StringBuilder("Received: from ").append(heloName)
                .append(" (").append(addressLiteral(clientAddress)).append(")\r\n")
                .append("\tby ").append(hostname).append(" with ").append(protocol).append(" id ").append(id);
        recipient.ifPresent(r -> header.append("\r\n\tfor <").append(r).append('>'));
        return header.append(";\r\n\t").append(DATE.format(when)).append("\r\n").toString();
    }

    /** RFC 5321 §4.1.3: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
    private static String addressLiteral(String address) {
        return address.indexOf(':') >= 0 ? "[IPv6:" + address + "]" : "[" + address + "]";
    }
}
