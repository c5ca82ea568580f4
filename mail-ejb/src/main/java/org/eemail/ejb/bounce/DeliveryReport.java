// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.bounce;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounce, or a delay or relay notice: an RFC 3464 delivery status notification on recipients
 * of one message,
 * as a complete RFC 5322 message in octets. Three parts in a {@code multipart/report;
 * report-type=delivery-status} (RFC 6522): words for people, the {@code message/delivery-status}
 * fields for programs, and what the sender asked to get back of the original (RFC 3461 §4.3:
 * the whole message, or its header section). Marked {@code Auto-Submitted: auto-replied}
 * (RFC 3834) and sent with the null reverse-path by the caller, so it is never answered or
 * bounced itself. Written by hand rather than with Angus' {@code MultipartReport}: the original is
 * kept byte for byte, and no data content handler must be found by the container's class loader.
 */
public final class DeliveryReport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern ENHANCED = Pattern.compile("^[245]\\d\\d[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    private DeliveryReport() {
    }

    /**
     * The status of a reply: its own enhanced code when it has one, else the class of its basic
     * code ({@code 5.0.0} or {@code 4.0.0}).
     */
    public static String status(String reply) {
        if (reply == null) {
            return "4.0.0";
        }
        Matcher matcher = ENHANCED.matcher(reply.strip());
        if (matcher.find()) {
            return matcher.group(1);
        }
        return reply.strip().startsWith("5") ? "5.0.0" : "4.0.0";
    }

    /**
     * @param reportingMta  this server's name
     * @param sender        the original envelope sender, whom the report goes to
     * @param envelopeId    ENVID as given (xtext), or {@code null}
     * @param arrival       when the original was accepted
     * @param action        what happened to all of {@code recipients}
     * @param recipients    at least one
     * @param original      the original's octets: the whole message, or its header section
     * @param wholeMessage  whether {@code original} is the whole message
     */
    public static byte[] build(String reportingMta, String sender, String envelopeId, Instant arrival, DsnAction action,
                               List<RecipientReport> recipients, byte[] original, boolean wholeMessage) {
        String boundary = "=_report_" + UUID.randomUUID();
        StringBuilder text = new StringBuilder()
                .append("From: Mail Delivery System <MAILER-DAEMON@").append(reportingMta).append(">\r\n")
                .append("To: <").append(sender).append(">\r\n")
                .append("Subject: ").append(action.subject()).append("\r\n")
                .append("Date: ").append(DATE.format(Instant.now())).append("\r\n")
                .append("Message-ID: <").append(UUID.randomUUID()).append('@').append(reportingMta).append(">\r\n")
                .append("Auto-Submitted: auto-replied\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"")
                .append(boundary).append("\"\r\n")
                .append("\r\n")
                .append("This is a MIME-encapsulated message.\r\n\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        humanReadable(text, reportingMta, action, recipients);
        text.append("\r\n--").append(boundary).append("\r\n")
                .append("Content-Type: message/delivery-status\r\n\r\n");
        statusFields(text, reportingMta, envelopeId, arrival, action, recipients);
        text.append("\r\n--").append(boundary).append("\r\n")
                .append("Content-Type: ").append(wholeMessage ? "message/rfc822" : "text/rfc822-headers")
                .append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + original.length + 100);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(original);
        boolean endsWithNewLine = original.length >= 2 && original[original.length - 2] == '\r'
                && original[original.length - 1] == '\n';
        out.writeBytes(((endsWithNewLine ? "" : "\r\n") + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void humanReadable(StringBuilder text, String reportingMta, DsnAction action,
                                      List<RecipientReport> failures) {
        text.append("This is the mail system at host ").append(reportingMta).append(".\r\n\r\n")
                .append(action.explanation()).append("\r\n\r\n");
        for (RecipientReport failure : failures) {
            text.append("<").append(failure.recipient()).append(">: ")
                    .append(failure.remoteMta() == null ? "" : "host " + failure.remoteMta() + " said: ")
                    .append(oneLine(failure.diagnostic())).append("\r\n");
        }
    }

    /** RFC 3464 §2.2 per-message fields, then §2.3 per-recipient fields, each block after a blank line. */
    private static void statusFields(StringBuilder text, String reportingMta, String envelopeId, Instant arrival,
                                     DsnAction action, List<RecipientReport> failures) {
        text.append("Reporting-MTA: dns; ").append(reportingMta).append("\r\n");
        if (envelopeId != null) {
            text.append("Original-Envelope-Id: ").append(envelopeId).append("\r\n");
        }
        text.append("Arrival-Date: ").append(DATE.format(arrival)).append("\r\n");
        for (RecipientReport failure : failures) {
            text.append("\r\n");
            if (failure.originalRecipient() != null) {
                text.append("Original-Recipient: ").append(failure.originalRecipient()).append("\r\n");
            }
            text.append("Final-Recipient: rfc822; ").append(failure.recipient()).append("\r\n")
                    .append("Action: ").append(action.field()).append("\r\n")
                    .append("Status: ").append(failure.status()).append("\r\n");
            if (failure.remoteMta() != null) {
                text.append("Remote-MTA: dns; ").append(failure.remoteMta()).append("\r\n");
            }
            text.append("Diagnostic-Code: smtp; ").append(oneLine(failure.diagnostic())).append("\r\n")
                    .append("Last-Attempt-Date: ").append(DATE.format(failure.lastAttempt())).append("\r\n");
        }
    }

    /** A reply's lines joined, so a multi-line reply cannot break the fields. */
    private static String oneLine(String reply) {
        return reply == null ? "" : reply.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
