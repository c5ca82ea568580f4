// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eemail.ra.transcript.SocketConnection;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail sent to the deployed server with the Angus Mail client, as users' programs send it: over
 * the MTA port in clear, on the submission port with STARTTLS and AUTH, on the SMTPS port over
 * implicit TLS; then found, byte for byte, in the recipient's mailbox.
 */
@ExtendWith(ArquillianExtension.class)
class SmtpDeliveryIT {

    private final AdminClient admin = AdminClient.asAdmin();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    @BeforeAll
    static void fixture() throws Exception {
        MailFixture.ensure();
    }

    private static Session session(String listener, boolean tls) {
        Properties properties = new Properties();
        String protocol = listener.equals("smtps") ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", "127.0.0.1");
        properties.put("mail." + protocol + ".port", String.valueOf(Server.port(listener)));
        properties.put("mail." + protocol + ".localhost", "client.test");
        properties.put("mail." + protocol + ".ssl.trust", "*");
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        if (tls && protocol.equals("smtp")) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(properties);
    }

    private static MimeMessage message(Session session, String from, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText("Grüße aus dem Test.\n.A line that starts with a dot.\n", "UTF-8");
        return message;
    }

    /** The stored text of the newest message in {@code account}'s mailbox whose text contains {@code marker}. */
    private String stored(String account, String marker) throws Exception {
        for (JsonValue entry : admin.get("/api/v1/accounts/" + account + "/messages").json().asJsonArray()) {
            JsonObject message = entry.asJsonObject();
            String text = new String(raw(account, message.getJsonNumber("id").longValue()), StandardCharsets.UTF_8);
            if (text.contains(marker)) {
                return text;
            }
        }
        throw new AssertionError("no message with " + marker + " in the mailbox of " + account);
    }

    private byte[] raw(String account, long id) throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                admin.request("/api/v1/accounts/" + account + "/messages/" + id).header("Accept", "message/rfc822").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void mailFromAnotherServerReachesTheMailbox() throws Exception {
        Session session = session("smtp", false);
        String subject = "mta " + UUID.randomUUID();
        Transport.send(message(session, "someone@elsewhere.example", "alice@example.test", subject));
        String text = stored("alice@example.test", subject);
        assertTrue(text.startsWith("Return-Path: <someone@elsewhere.example>\r\nReceived: from client.test"), text);
        assertTrue(text.contains("by mx.test with ESMTP id"), text);
        assertTrue(text.contains("A line that starts with a dot."), "dot-stuffing undone: " + text);
    }

    @Test
    void submissionWithStartTlsAndAuthAndAnAlias() throws Exception {
        Session session = session("submission", true);
        String subject = "submission " + UUID.randomUUID();
        try (Transport transport = session.getTransport()) {
            transport.connect("alice@example.test", "alice-pw");
            transport.sendMessage(message(session, "sales@example.test", "bob@example.test", subject),
                    new InternetAddress[] {new InternetAddress("bob@example.test")});
        }
        assertTrue(stored("bob@example.test", subject).contains("with ESMTPSA id"));
    }

    @Test
    void smtpsSpeaksTlsFromTheStart() throws Exception {
        Session session = session("smtps", false);
        String subject = "smtps " + UUID.randomUUID();
        try (Transport transport = session.getTransport()) {
            transport.connect("bob@example.test", "bob-pw");
            transport.sendMessage(message(session, "bob@example.test", "alice@example.test", subject),
                    new InternetAddress[] {new InternetAddress("alice@example.test")});
        }
        assertTrue(stored("alice@example.test", subject).contains("with ESMTPSA id"));
    }

    @Test
    void statisticsAndMetricsCountAnAcceptedMessageAndAFailedLogin() throws Exception {
        JsonObject before = admin.get("/api/v1/stats").object();
        String metricsBefore = metrics();

        Session session = session("smtp", false);
        Transport.send(message(session, "someone@elsewhere.example", "alice@example.test", "counted " + UUID.randomUUID()));
        assertThrows(AuthenticationFailedException.class, () -> {
            try (Transport transport = session("submission", true).getTransport()) {
                transport.connect("alice@example.test", "wrong");
            }
        });

        JsonObject after = admin.get("/api/v1/stats").object();
        for (String event : List.of("message_accepted", "delivered_locally", "auth_failure")) {
            assertEquals(total(before, event) + 1, total(after, event), event + " in " + after);
            assertEquals(lastHour(before, event) + 1, lastHour(after, event), event + " per minute in " + after);
        }
        assertEquals(total(before, "smtp_session") + 2, total(after, "smtp_session"));
        assertEquals(commands(before, "smtp DATA") + 1, commands(after, "smtp DATA"));
        assertTrue(after.getJsonArray("listeners").stream().map(l -> l.asJsonObject().getString("name")).toList()
                .containsAll(List.of("smtp", "submission", "smtps", "pop3", "pop3s")), after.toString());
        assertTrue(after.getJsonObject("queue").containsKey("deferred"), after.toString());

        String metricsAfter = metrics();
        assertEquals(metric(metricsBefore, "mail_messages_total", "outcome=\"accepted\"") + 1,
                metric(metricsAfter, "mail_messages_total", "outcome=\"accepted\""), metricsAfter);
        assertEquals(metric(metricsBefore, "mail_auth_failures_total", "") + 1,
                metric(metricsAfter, "mail_auth_failures_total", ""), metricsAfter);
        metric(metricsAfter, "mail_queue_entries", "state=\"queued\"");
        metric(metricsAfter, "mail_sessions_open", "listener=\"pop3s\"");
    }

    /** How often a command came; a command that never came is not listed. */
    private static long commands(JsonObject stats, String command) {
        JsonNumber count = stats.getJsonObject("commands").getJsonNumber(command);
        return count == null ? 0 : count.longValue();
    }

    private static long total(JsonObject stats, String event) {
        return stats.getJsonObject("totals").getJsonNumber(event).longValue();
    }

    private static long lastHour(JsonObject stats, String event) {
        return stats.getJsonArray("lastHour").stream()
                .mapToLong(minute -> minute.asJsonObject().getJsonObject("counts").getJsonNumber(event).longValue())
                .sum();
    }

    /** The server's Prometheus text, which needs no credentials. */
    private static String metrics() throws Exception {
        AdminClient.Reply reply = AdminClient.anonymous().get("/metrics", "text/plain");
        assertEquals(200, reply.status(), reply.toString());
        return reply.body();
    }

    /** The value of the sample {@code name} whose labels contain {@code label}; fails if there is none. */
    private static double metric(String text, String name, String label) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " with " + label + " in:\n" + text);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Session session = session("submission", true);
        assertThrows(AuthenticationFailedException.class, () -> {
            try (Transport transport = session.getTransport()) {
                transport.connect("alice@example.test", "wrong");
            }
        });
    }

    @Test
    void eightBitTextIsStoredByteForByte() throws Exception {
        String marker = "bytes " + UUID.randomUUID();
        byte[] body = ("Subject: " + marker + "\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        original.write(body);
        original.write(new byte[] {(byte) 0xE4, (byte) 0xF6, (byte) 0xFC, '\r', '\n', '.', '.', 'x', '\r', '\n'});
        try (Socket socket = Server.connect("smtp"); SocketConnection smtp = new SocketConnection(socket)) {
            smtp.readLine();
            OutputStream out = socket.getOutputStream();
            out.write(("EHLO raw.test\r\nMAIL FROM:<raw@elsewhere.example> BODY=8BITMIME\r\n"
                    + "RCPT TO:<bob@example.test>\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII));
            String line;
            do {
                line = smtp.readLine();
            } while (!line.startsWith("354"));
            out.write(original.toByteArray());
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(smtp.readLine().startsWith("250 "));
        }
        byte[] expected = original.toByteArray();
        // the client's ".." line is stored as "." (RFC 5321 §4.5.2)
        byte[] unstuffed = new String(expected, StandardCharsets.ISO_8859_1).replace("\r\n..x", "\r\n.x").getBytes(StandardCharsets.ISO_8859_1);
        for (JsonValue entry : admin.get("/api/v1/accounts/bob@example.test/messages").json().asJsonArray()) {
            byte[] raw = raw("bob@example.test", entry.asJsonObject().getJsonNumber("id").longValue());
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int start = text.indexOf("Subject: " + marker);
            if (start >= 0) {
                byte[] tail = new byte[raw.length - start];
                System.arraycopy(raw, start, tail, 0, tail.length);
                assertArrayEquals(unstuffed, tail);
                return;
            }
        }
        throw new AssertionError("the 8-bit message is not in bob's mailbox: " + List.of());
    }
}
