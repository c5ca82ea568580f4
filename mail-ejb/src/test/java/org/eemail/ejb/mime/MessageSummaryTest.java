// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSummaryTest {

    private static MessageSummary summary(String message) throws IOException {
        return MessageSummary.of(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String header(MessageSummary summary, String name) {
        return summary.headers().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                .map(MessageSummary.Field::value).orElse(null);
    }

    @Test
    void decodesEncodedWordsInHeadersAndKeepsTheirOrder() throws IOException {
        MessageSummary summary = summary("From: =?UTF-8?B?SsO8cmdlbg==?= <j@example.test>\r\n"
                + "Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus?=\r\n =?UTF-8?Q?M=C3=BCnchen?= <script>alert(1)</script>\r\n"
                + "To: a@example.test\r\n\r\nhello\r\n");

        assertEquals(List.of("From", "Subject", "To"), summary.headers().stream().map(MessageSummary.Field::name).toList());
        assertEquals("J\u00fcrgen <j@example.test>", header(summary, "From"));
        assertEquals("Gr\u00fc\u00dfe ausM\u00fcnchen <script>alert(1)</script>", header(summary, "Subject"));
        assertEquals("hello\r\n", summary.text());
        assertFalse(summary.textTruncated());
    }

    @Test
    void decodesQuotedPrintableInItsCharset() throws IOException {
        MessageSummary summary = summary("Subject: qp\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Gr=FC=DFe, a soft=\r\n line break\r\n");

        assertEquals("Gr\u00fc\u00dfe, a soft line break\r\n", summary.text());
    }

    @Test
    void decodesBase64AndTakesTheFirstPlainPartOfAnAlternative() throws IOException {
        String plain = Base64.getMimeEncoder().encodeToString("Stra\u00dfe \u2713".getBytes(StandardCharsets.UTF_8));
        MessageSummary summary = summary("Subject: alt\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html first</p>\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + plain + "\r\n--b1--\r\n");

        assertEquals("Stra\u00dfe \u2713", summary.text());
    }

    @Test
    void reducesHtmlToTextWhenThereIsNoPlainPart() throws IOException {
        MessageSummary summary = summary("Subject: html\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n"
                + "--m\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><head><title>t</title><style>p{color:red}</style></head><body>"
                + "<p>Hello &amp; <b>welcome</b></p><script>alert('x')</script><p>Line&nbsp;two &#8364;</p></body></html>\r\n"
                + "--m\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\n"
                + "attached, not shown\r\n--m--\r\n");

        assertEquals("Hello & welcome\n\nLine two \u20ac", summary.text(), "paragraphs apart, hidden parts gone");
    }

    @Test
    void aMessageWithoutTextHasNone() throws IOException {
        MessageSummary summary = summary("Subject: pic\r\nMIME-Version: 1.0\r\nContent-Type: image/png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n");

        assertNull(summary.text());
        assertEquals("pic", header(summary, "Subject"));
    }

    @Test
    void cutsTheTextAtItsLimit() throws IOException {
        MessageSummary summary = summary("Subject: long\r\n\r\n" + "x".repeat(MessageSummary.MAX_TEXT + 10));

        assertEquals(MessageSummary.MAX_TEXT, summary.text().length());
        assertTrue(summary.textTruncated());
    }
}
