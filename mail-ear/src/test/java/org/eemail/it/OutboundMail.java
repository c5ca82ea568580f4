// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** Sending mail out through a server, and reading the bounces it writes back, as the outbound ITs do. */
final class OutboundMail {

    private OutboundMail() {
    }

    /** The Angus Mail session of a user's program: the submission port, STARTTLS required. */
    static Session submission(int port, String envelopeFrom) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.localhost", "client.test");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.trust", "*");
        properties.put("mail.smtp.ssl.checkserveridentity", "false");
        properties.put("mail.smtp.from", envelopeFrom);
        return Session.getInstance(properties);
    }

    static MimeMessage message(Session session, String subject, String... to) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.test"));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        message.setText("Outbound test.\n");
        return message;
    }

    /** Alice submits on {@code port}, STARTTLS and AUTH, as a user's program does. */
    static void submit(int port, String from, String to, String subject) throws Exception {
        Session session = submission(port, from);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("alice@example.test", "alice-pw");
            transport.sendMessage(message(session, subject, to), new InternetAddress[] {new InternetAddress(to)});
        }
    }

    /**
     * {@code user} submits {@code messages} messages of {@code each} recipients
     * ({@code PREFIX-m-r@DOMAIN}) over one connection to {@code port}; returns the recipients.
     */
    static List<String> submitMany(int port, String user, String password, String prefix, String domain,
                                   int messages, int each) throws Exception {
        Session session = submission(port, user);
        List<String> all = new ArrayList<>();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(user, password);
            for (int m = 0; m < messages; m++) {
                String[] recipients = new String[each];
                InternetAddress[] addresses = new InternetAddress[each];
                for (int r = 0; r < each; r++) {
                    recipients[r] = prefix + "-" + m + "-" + r + "@" + domain;
                    addresses[r] = new InternetAddress(recipients[r]);
                }
                transport.sendMessage(message(session, prefix + " " + m, recipients), addresses);
                all.addAll(List.of(recipients));
            }
        }
        return all;
    }

    /** The text of the message in {@code account}'s mailbox containing {@code marker}, waiting for it. */
    static Optional<String> awaitInMailbox(AdminClient admin, String account, String marker, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        do {
            for (JsonValue entry : admin.get("/api/v1/accounts/" + account + "/messages").json().asJsonArray()) {
                long id = entry.asJsonObject().getJsonNumber("id").longValue();
                String text = admin.get("/api/v1/accounts/" + account + "/messages/" + id, "message/rfc822").body();
                if (text.contains(marker)) {
                    return Optional.of(text);
                }
            }
            Thread.sleep(250);
        } while (System.nanoTime() < end);
        return Optional.empty();
    }

    /** The machine-readable part of a bounce, checked to be an RFC 3464 report. */
    static String deliveryStatus(String bounce) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(bounce.getBytes(StandardCharsets.UTF_8)));
        assertTrue(message.getContentType().startsWith("multipart/report; report-type=delivery-status"), message.getContentType());
        MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(message.getRawInputStream(), message.getContentType()));
        assertEquals(3, parts.getCount());
        assertTrue(parts.getBodyPart(1).isMimeType("message/delivery-status"));
        return new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
