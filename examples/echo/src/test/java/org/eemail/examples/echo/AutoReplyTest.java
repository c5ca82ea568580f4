// SPDX-License-Identifier: Apache-2.0
package org.eemail.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eemail.api.MailEnvelope;
import org.junit.jupiter.api.Test;

class AutoReplyTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static MimeMessage message(String headers) throws Exception {
        String text = "Message-ID: <m1@shop.test>\r\nReferences: <m0@shop.test>\r\nSubject: Hello\r\n" + headers + "\r\nHi\r\n";
        return new MimeMessage(SESSION, new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static MailEnvelope from(String sender) {
        return new MailEnvelope(sender, List.of("echo@example.test"), "192.0.2.1", "shop.test", Optional.empty(), false);
    }

    @Test
    void answersOrdinaryMail() throws Exception {
        assertEquals(Optional.empty(), AutoReply.refusal(from("a@shop.test"), message("Auto-Submitted: no\r\n")));
    }

    @Test
    void neverAnswersNotificationsListsOrAutomaticMail() throws Exception {
        assertEquals(Optional.of("the null sender"), AutoReply.refusal(from(""), message("")));
        assertEquals(Optional.of("Auto-Submitted: auto-replied"),
                AutoReply.refusal(from("a@shop.test"), message("Auto-Submitted: auto-replied\r\n")));
        assertEquals(Optional.of("a list message (List-Id)"),
                AutoReply.refusal(from("a@shop.test"), message("List-Id: <news.shop.test>\r\n")));
        assertEquals(Optional.of("Precedence: bulk"), AutoReply.refusal(from("a@shop.test"), message("Precedence: bulk\r\n")));
    }

    @Test
    void theReplyIsMarkedAndThreaded() throws Exception {
        MimeMessage reply = AutoReply.to(from("a@shop.test"), message(""), "echo@example.test", SESSION);
        reply.saveChanges();
        assertEquals("auto-replied", reply.getHeader("Auto-Submitted", null));
        assertEquals("<m1@shop.test>", reply.getHeader("In-Reply-To", null));
        assertEquals("<m0@shop.test> <m1@shop.test>", reply.getHeader("References", null));
        assertEquals("a@shop.test", reply.getAllRecipients()[0].toString());
        assertEquals("Auto: Hello", reply.getSubject());
    }
}
