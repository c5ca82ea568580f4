// SPDX-License-Identifier: Apache-2.0
package org.eemail.examples.echo;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.eemail.api.MailEnvelope;

/**
 * The auto-reply of RFC 3834: whether to answer a message at all, and the answer. Never to the
 * null sender (§2), never to a message that is itself automatic ({@code Auto-Submitted} other than
 * {@code no}, §5) or comes from a list ({@code List-Id}, {@code Precedence: bulk/list/junk}, §2);
 * the answer goes to the envelope sender (§4), is marked {@code Auto-Submitted: auto-replied} and
 * refers to the original ({@code In-Reply-To}, {@code References}, §3.1.3).
 */
public final class AutoReply {

    private AutoReply() {
    }

    /** Why no reply is sent, or empty when one is. */
    public static Optional<String> refusal(MailEnvelope envelope, MimeMessage original) throws MessagingException {
        if (envelope.nullSender()) {
            return Optional.of("the null sender");
        }
        String autoSubmitted = original.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.trim());
        }
        if (original.getHeader("List-Id", null) != null) {
            return Optional.of("a list message (List-Id)");
        }
        String precedence = original.getHeader("Precedence", null);
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("bulk|list|junk")) {
            return Optional.of("Precedence: " + precedence.trim());
        }
        return Optional.empty();
    }

    /**
     * The reply from {@code from} to the envelope sender of {@code original}.
     *
     * @param session the mail session it is sent with
     */
    public static MimeMessage to(MailEnvelope envelope, MimeMessage original, String from, Session session)
            throws MessagingException {
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress(from));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(envelope.sender()));
        String subject = original.getSubject();
        reply.setSubject("Auto: " + (subject == null ? "your message" : subject), "UTF-8");
        reply.setSentDate(new Date());
        reply.setHeader("Auto-Submitted", "auto-replied");
        String messageId = original.getMessageID();
        if (messageId != null) {
            reply.setHeader("In-Reply-To", messageId);
            String references = original.getHeader("References", " ");
            reply.setHeader("References", references == null ? messageId : references + " " + messageId);
        }
        reply.setText("This is an automatic reply from " + from + ".\r\n\r\n"
                + "Your message" + (subject == null ? "" : " \"" + subject + "\"") + " arrived here from "
                + envelope.clientAddress() + ".\r\n", "UTF-8");
        return reply;
    }
}
