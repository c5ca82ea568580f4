// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eemail.ra.transcript.Pop3Fixture;
import org.eemail.ra.transcript.SocketConnection;

/**
 * The accounts, aliases and messages the SMTP and POP3 transcripts rely on (mail-ra-core's
 * {@code transcripts/README.txt}), created through the administration API and, for carol's
 * messages, by SMTP. Idempotent: the database outlives one test class.
 */
final class MailFixture {

    private MailFixture() {
    }

    static void ensure() throws Exception {
        AdminClient admin = AdminClient.asAdmin();
        for (String domain : List.of("example.test", "mx.test")) {
            created(admin.post("/api/v1/domains", "{\"name\":\"" + domain + "\"}"));
        }
        for (String user : List.of("alice", "bob", "full", "small", "carol", "dora")) {
            created(admin.post("/api/v1/accounts", "{\"address\":\"" + user + "@example.test\",\"password\":\"" + user + "-pw\"}"));
        }
        for (String alias : List.of("sales@example.test", "postmaster@example.test", "postmaster@mx.test")) {
            created(admin.post("/api/v1/aliases", "{\"address\":\"" + alias + "\",\"targets\":[\"alice@example.test\"]}"));
        }
        fillMailboxOfFull(admin);
        fillMaildropOfCarol(admin);
        created(admin.put("/api/v1/accounts/small@example.test/quota", "{\"quota\":100}"));
    }

    /** full@ gets one message while it has no quota, then a quota smaller than what it holds. */
    private static void fillMailboxOfFull(AdminClient admin) throws Exception {
        if (admin.get("/api/v1/accounts/full@example.test").object().getJsonNumber("quota").longValue() == 1) {
            return;
        }
        try (SocketConnection smtp = new SocketConnection(Server.connect("smtp"))) {
            expect(smtp, "220");
            smtp.send("EHLO fixture.test");
            while (!smtp.readLine().startsWith("250 ")) {
                // the EHLO keywords
            }
            for (String command : List.of("MAIL FROM:<fixture@elsewhere.example>", "RCPT TO:<full@example.test>")) {
                smtp.send(command);
                expect(smtp, "250");
            }
            smtp.send("DATA");
            expect(smtp, "354");
            smtp.send("Subject: fills the mailbox");
            smtp.send("");
            smtp.send("Enough octets to be more than one.");
            smtp.send(".");
            expect(smtp, "250");
        }
        created(admin.put("/api/v1/accounts/full@example.test/quota", "{\"quota\":1}"));
    }

    /**
     * carol@ gets the three messages of the POP3 transcripts, in order, once. No transcript
     * removes them: they all end with RSET or without DELE before QUIT.
     */
    private static void fillMaildropOfCarol(AdminClient admin) throws Exception {
        if (!admin.get("/api/v1/accounts/carol@example.test/messages").json().asJsonArray().isEmpty()) {
            return;
        }
        for (String message : Pop3Fixture.CAROL_MESSAGES) {
            RawSmtp.deliver("carol@example.test", message.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void created(AdminClient.Reply reply) {
        assertTrue(List.of(200, 201, 204, 409).contains(reply.status()), "fixture: " + reply);
    }

    private static void expect(SocketConnection smtp, String code) throws IOException {
        String line = smtp.readLine();
        assertTrue(line != null && line.startsWith(code), "fixture: expected " + code + ", got " + line);
    }
}
