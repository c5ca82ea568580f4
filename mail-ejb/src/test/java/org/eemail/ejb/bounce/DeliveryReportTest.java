// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.bounce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.junit.jupiter.api.Test;

/** The bounce as a mail program reads it: parsed with Angus Mail's RFC 3464 classes. */
class DeliveryReportTest {

    private static final byte[] ORIGINAL = "Subject: hello\r\nFrom: a@sender.test\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private static MimeMultipart parts(byte[] report) throws Exception {
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(report));
        assertTrue(message.getContentType().startsWith("multipart/report; report-type=delivery-status"),
                message.getContentType());
        assertEquals("auto-replied", message.getHeader("Auto-Submitted", null));
        assertEquals("<a@sender.test>", message.getHeader("To", null));
        return new MimeMultipart(new ByteArrayDataSource(message.getRawInputStream(), message.getContentType()));
    }

    @Test
    void reportsEveryRecipientReportWithItsReplyAndReturnsTheMessage() throws Exception {
        Instant when = Instant.parse("2026-11-29T01:00:00Z");
        byte[] report = DeliveryReport.build("mx.test", "a@sender.test", "env1", when, DsnAction.FAILED, List.of(
                new RecipientReport("b@far.test", "rfc822;B@far.test", "5.1.1", "mx.far.test", "550 5.1.1 No such user", when),
                new RecipientReport("c@gone.test", null, "5.1.10", null, "556 5.1.10 null MX", when)), ORIGINAL, true);

        MimeMultipart parts = parts(report);
        assertEquals(3, parts.getCount());
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("<b@far.test>: host mx.far.test said: 550 5.1.1 No such user"));
        BodyPart status = parts.getBodyPart(1);
        assertTrue(status.isMimeType("message/delivery-status"));
        DeliveryStatus parsed = new DeliveryStatus(status.getInputStream());
        assertEquals("dns; mx.test", parsed.getMessageDSN().getHeader("Reporting-MTA", null));
        assertEquals("env1", parsed.getMessageDSN().getHeader("Original-Envelope-Id", null));
        assertEquals(2, parsed.getRecipientDSNCount());
        assertEquals("rfc822; b@far.test", parsed.getRecipientDSN(0).getHeader("Final-Recipient", null));
        assertEquals("rfc822;B@far.test", parsed.getRecipientDSN(0).getHeader("Original-Recipient", null));
        assertEquals("failed", parsed.getRecipientDSN(0).getHeader("Action", null));
        assertEquals("5.1.1", parsed.getRecipientDSN(0).getHeader("Status", null));
        assertEquals("dns; mx.far.test", parsed.getRecipientDSN(0).getHeader("Remote-MTA", null));
        assertEquals("smtp; 550 5.1.1 No such user", parsed.getRecipientDSN(0).getHeader("Diagnostic-Code", null));
        assertEquals("5.1.10", parsed.getRecipientDSN(1).getHeader("Status", null));
        BodyPart returned = parts.getBodyPart(2);
        assertTrue(returned.isMimeType("message/rfc822"));
        assertArrayEquals(ORIGINAL, returned.getInputStream().readAllBytes());
    }

    @Test
    void headersOnlyWhenAsked() throws Exception {
        byte[] headers = "Subject: hello\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        MimeMultipart parts = parts(DeliveryReport.build("mx.test", "a@sender.test", null, Instant.now(), DsnAction.DELAYED, List.of(
                new RecipientReport("b@far.test", null, "4.4.7", null, "451 4.4.1 unreachable", Instant.now())),
                headers, false));
        assertTrue(parts.getBodyPart(2).isMimeType("text/rfc822-headers"));
        assertEquals("delayed", new DeliveryStatus(parts.getBodyPart(1).getInputStream()).getRecipientDSN(0).getHeader("Action", null));
    }

    @Test
    void statusFromTheReply() {
        assertEquals("5.7.1", DeliveryReport.status("554 5.7.1 Spam"));
        assertEquals("5.0.0", DeliveryReport.status("550 No"));
        assertEquals("4.0.0", DeliveryReport.status("451 Later"));
        assertEquals("4.2.2", DeliveryReport.status("452-4.2.2 Full"));
    }
}
