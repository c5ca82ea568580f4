// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.mime;

import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;

/**
 * From, Subject and Date of a message, read once from the start of its header section when it is
 * accepted, so that a mailbox list parses nothing. Decoded from RFC 2047 encoded words; raw UTF-8
 * (RFC 6532) is read as such. Cheap: one pass over the lines of the header section, no MIME
 * parser.
 *
 * @param from    the From field's value, decoded, or {@code null}
 * @param subject the Subject field's value, decoded, or {@code null}
 * @param date    the Date field as an instant, or {@code null} when missing or unreadable
 */
public record HeaderFields(String from, String subject, Instant date) {

    /** RFC 5322 §2.1.1: what a header line may hold; longer values are cut. */
    public static final int MAX_VALUE = 998;

    /** @param head the start of the message (original octets, before trace fields are added) */
    public static HeaderFields of(byte[] head) {
        String from = null;
        String subject = null;
        String date = null;
        for (String field : HeaderSection.fields(new String(head, 0, headerEnd(head), StandardCharsets.UTF_8))) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(colon + 1).trim();
            switch (name) {
                case "from" -> from = from == null ? value : from;
                case "subject" -> subject = subject == null ? value : subject;
                case "date" -> date = date == null ? value : date;
                default -> {
                    // not shown in a list
                }
            }
        }
        return new HeaderFields(cut(decode(from)), cut(decode(subject)), parseDate(date));
    }

    /** Where the header section ends: at its empty line, so that the body is not decoded for nothing. */
    private static int headerEnd(byte[] head) {
        for (int i = 0; i + 1 < head.length; i++) {
            if (head[i] == '\n' && (head[i + 1] == '\n' || head[i + 1] == '\r')) {
                return i + 1;
            }
        }
        return head.length;
    }

    /** RFC 2047 encoded words decoded; the text as it was when they are malformed. */
    static String decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    private static Instant parseDate(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new MailDateFormat().parse(value).toInstant();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }
}
