// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eemail.ejb.outbound.TestDnsServer;
import org.eemail.ejb.outbound.TestSmtpPeer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What issue 7's console reads and changes, through the API of the deployed server: the message
 * trail of mail sent over SMTP, the attempts of a relay that keeps failing (a real DNS server and
 * SMTP peer in this JVM, as in OutboundIT), mailbox summaries and deletes, account usage and
 * switching off, and the administrators.
 */
@ExtendWith(ArquillianExtension.class)
class TrailIT {

    private static final String PEER = "127.0.0.2";
    private static TestDnsServer dns;
    private static TestSmtpPeer peer;
    private final AdminClient admin = AdminClient.asAdmin();
    private final String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    @BeforeAll
    static void network() throws Exception {
        MailFixture.ensure();
        dns = new TestDnsServer(Server.port("dns"));
        dns.mx("busy.test", 10, "mx.busy.test").a("mx.busy.test", PEER);
        peer = new TestSmtpPeer(PEER, Server.port("mx"));
        peer.rcptReply(recipient -> "451 4.2.0 Busy, try again later");
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    /** A domain of its own with one account, so that tests do not share mailboxes. */
    private String account(String user) throws Exception {
        admin.post("/api/v1/domains", "{\"name\":\"" + domain + "\"}");
        String address = user + "@" + domain;
        AdminClient.Reply created = admin.post("/api/v1/accounts",
                "{\"address\":\"" + address + "\",\"password\":\"" + user + "-password\"}");
        assertEquals(201, created.status(), created.toString());
        return address;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> steps(JsonObject trail) {
        return trail.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .map(s -> s.getString("kind") + (s.isNull("recipient") ? "" : " " + s.getString("recipient"))).toList();
    }

    /** An HTML-only message whose subject carries markup and an encoded word. */
    private static String htmlMessage(String messageId, String to) {
        return "From: =?UTF-8?B?SsO8cmdlbg==?= <fixture@elsewhere.example>\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: =?UTF-8?Q?<script>alert(1)</script>_Gr=C3=BC=C3=9Fe?=\r\n"
                + "Date: Tue, 1 Jul 2025 10:00:00 +0200\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=ISO-8859-1\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<html><body><p>Gr=FC=DFe &amp; <b>hello</b></p><script>steal()</script></body></html>\r\n";
    }

    @Test
    void aMessageSentOverSmtpHasItsTrail() throws Exception {
        String to = account("trail");
        String messageId = UUID.randomUUID() + "@elsewhere.example";
        RawSmtp.deliver(to, htmlMessage(messageId, to).getBytes(StandardCharsets.US_ASCII));

        AdminClient.Reply found = admin.get("/api/v1/trail?messageId=" + query("<" + messageId + ">"));
        assertEquals(200, found.status(), found.toString());
        JsonArray trails = found.json().asJsonArray();
        assertEquals(1, trails.size(), found.body());
        JsonObject trail = trails.getJsonObject(0);
        assertEquals("<" + messageId + ">", trail.getString("messageId"));
        assertEquals("fixture@elsewhere.example", trail.getString("sender"));
        assertTrue(trail.getJsonNumber("size").longValue() > 300, trail.toString());
        assertEquals(List.of("received", "stored " + to), steps(trail));
        String received = trail.getJsonArray("steps").getJsonObject(0).getString("detail");
        assertTrue(received.startsWith("from fixture.test [127.0.0.1], no TLS, not authenticated, with ESMTP id "),
                received);

        long id = trail.getJsonNumber("storedMessageId").longValue();
        assertEquals(steps(trail), steps(admin.get("/api/v1/trail/" + id).object()));
        assertTrue(ids(admin.get("/api/v1/trail?recipient=" + query(to.toUpperCase())).json()).contains(id));
        assertTrue(ids(admin.get("/api/v1/trail?sender=fixture@elsewhere.example").json()).contains(id));
        assertEquals(404, admin.get("/api/v1/trail/" + (id + 1_000_000)).status());
        assertEquals(400, admin.get("/api/v1/trail").status());
        AdminClient.Reply two = admin.get("/api/v1/trail?sender=a@b.example&recipient=" + query(to));
        assertEquals(400, two.status(), two.toString());
        assertTrue(two.error().contains("exactly one"), two.error());
        assertEquals(400, admin.get("/api/v1/trail?messageId=").status());
    }

    private static List<Long> ids(JsonValue trails) {
        return trails.asJsonArray().stream().map(t -> t.asJsonObject().getJsonNumber("storedMessageId").longValue()).toList();
    }

    @Test
    void aFailingRelayShowsItsAttempts() throws Exception {
        String recipient = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@busy.test";
        String subject = "busy " + UUID.randomUUID();
        OutboundMail.submit(Server.port("submission"), "alice@example.test", recipient, subject);
        JsonObject entry = awaitAttempt(recipient, 30).orElseThrow(() -> new AssertionError("no attempt of " + recipient));
        long id = entry.getJsonNumber("id").longValue();

        JsonArray attempts = admin.get("/api/v1/queue/" + id + "/attempts").json().asJsonArray();
        assertFalse(attempts.isEmpty());
        JsonObject first = attempts.getJsonObject(0);
        assertEquals("mx.busy.test", first.getString("remoteHost"));
        assertTrue(first.getString("reply").startsWith("451 4.2.0 Busy"), first.toString());
        assertEquals("deferred", first.getString("outcome"));
        assertTrue(Instant.parse(first.getString("at")).isBefore(Instant.now().plusSeconds(1)));
        assertTrue(entry.getString("lastReply").startsWith("451 4.2.0 Busy"), "lastReply stays: " + entry);
        assertEquals(404, admin.get("/api/v1/queue/999999999/attempts").status());

        deleteWhenNotInDelivery(id);
        JsonObject trail = admin.get("/api/v1/trail/" + entry.getJsonNumber("storedMessageId").longValue()).object();
        List<String> steps = steps(trail);
        assertEquals(List.of("received", "queued " + recipient, "attempt " + recipient), steps.subList(0, 3));
        assertEquals("deleted " + recipient, steps.get(steps.size() - 1), "the trail outlives the message");
        String received = trail.getJsonArray("steps").getJsonObject(0).getString("detail");
        assertTrue(received.contains(", TLS, authenticated as alice@example.test, with ESMTPSA id "), received);
    }

    /** Deletes a queue entry, waiting out the retries that hold it (409) for a moment. */
    private void deleteWhenNotInDelivery(long id) throws Exception {
        AdminClient.Reply deleted = admin.delete("/api/v1/queue/" + id);
        for (int tries = 0; deleted.status() == 409 && tries < 50; tries++) {
            Thread.sleep(100);
            deleted = admin.delete("/api/v1/queue/" + id);
        }
        assertEquals(204, deleted.status(), deleted.toString());
    }

    /** The queue entry of {@code recipient} once an attempt was made, waiting for it. */
    private Optional<JsonObject> awaitAttempt(String recipient, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        do {
            for (JsonValue value : admin.get("/api/v1/queue?domain=busy.test&limit=1000").json().asJsonArray()) {
                JsonObject entry = value.asJsonObject();
                if (entry.getString("recipient").equals(recipient) && entry.getInt("attempts") > 0
                        && !entry.isNull("lastReply")) {
                    return Optional.of(entry);
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        return Optional.empty();
    }

    @Test
    void aMailboxShowsSummariesAndDeletesUnlessPop3HasIt() throws Exception {
        String to = account("reader");
        RawSmtp.deliver(to, htmlMessage(UUID.randomUUID() + "@elsewhere.example", to).getBytes(StandardCharsets.US_ASCII));
        String messages = "/api/v1/accounts/" + to + "/messages";
        JsonObject listed = admin.get(messages).json().asJsonArray().getJsonObject(0);
        assertEquals("J\u00fcrgen <fixture@elsewhere.example>", listed.getString("from"));
        assertEquals("<script>alert(1)</script> Gr\u00fc\u00dfe", listed.getString("subject"));
        assertEquals(Instant.parse("2025-07-01T08:00:00Z"), Instant.parse(listed.getString("date")));
        long id = listed.getJsonNumber("id").longValue();

        JsonObject summary = admin.get(messages + "/" + id + "/summary").object();
        assertEquals("Gr\u00fc\u00dfe & hello", summary.getString("text"), "the HTML as text, decoded, script gone");
        assertFalse(summary.getBoolean("textTruncated"));
        JsonObject subject = summary.getJsonArray("headers").stream().map(JsonValue::asJsonObject)
                .filter(h -> h.getString("name").equals("Subject")).findFirst().orElseThrow();
        assertEquals("<script>alert(1)</script> Gr\u00fc\u00dfe", subject.getString("value"));
        assertEquals(404, admin.get(messages + "/" + (id + 1_000_000) + "/summary").status());
        long used = admin.get("/api/v1/accounts/" + to).object().getJsonNumber("used").longValue();
        assertEquals(listed.getJsonNumber("size").longValue(), used);

        RawPop3 pop3 = RawPop3.login(to, "reader-password");
        AdminClient.Reply locked = admin.delete(messages + "/" + id);
        assertEquals(409, locked.status(), locked.toString());
        assertTrue(locked.error().contains("POP3"), locked.error());
        pop3.command("QUIT");

        assertEquals(204, admin.delete(messages + "/" + id).status());
        assertEquals(404, admin.delete(messages + "/" + id).status());
        assertTrue(admin.get(messages).json().asJsonArray().isEmpty());
        assertEquals(0, admin.get("/api/v1/accounts/" + to).object().getJsonNumber("used").longValue());
        assertEquals(404, admin.delete("/api/v1/accounts/nobody@" + domain + "/messages/1").status());
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        String address = account("off");
        String path = "/api/v1/accounts/" + address + "/enabled";
        assertEquals(204, admin.put(path, "{\"enabled\":false}").status());
        assertFalse(admin.get("/api/v1/accounts/" + address).object().getBoolean("enabled"));
        RawPop3 pop3 = RawPop3.connect();
        pop3.command("USER " + address);
        assertTrue(pop3.command("PASS off-password").startsWith("-ERR"), "a disabled account cannot log in");
        pop3.command("QUIT");

        assertEquals(400, admin.put(path, "{}").status());
        assertEquals(400, admin.put(path, "{\"enabled\":\"maybe\"}").status());
        assertEquals(404, admin.put("/api/v1/accounts/nobody@" + domain + "/enabled", "{\"enabled\":true}").status());
        assertEquals(204, admin.put(path, "{\"enabled\":true}").status());
        RawPop3.login(address, "off-password").command("QUIT");
    }

    @Test
    void administratorsComeAndGoButOneAlwaysStays() throws Exception {
        String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(names().contains("admin"));
        AdminClient.Reply created = admin.post("/api/v1/admins",
                "{\"username\":\"" + name + "\",\"password\":\"first password\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals(name, created.object().getString("username"));
        assertFalse(created.body().contains("first password"));
        assertTrue(names().contains(name));
        assertEquals(409, admin.post("/api/v1/admins", "{\"username\":\"" + name + "\",\"password\":\"another one!\"}").status());
        assertEquals(400, admin.post("/api/v1/admins", "{\"username\":\"bad name\",\"password\":\"long enough pw\"}").status());
        assertEquals(400, admin.post("/api/v1/admins", "{\"username\":\"shorty\",\"password\":\"short\"}").status());

        AdminClient ops = AdminClient.as(name, "first password");
        assertEquals(200, ops.get("/api/v1/domains").status(), "the new administrator logs in");
        assertEquals(204, ops.put("/api/v1/admins/" + name + "/password", "{\"password\":\"second password\"}").status());
        assertEquals(401, ops.get("/api/v1/domains").status(), "the old password no longer works");
        ops = AdminClient.as(name, "second password");
        assertEquals(200, ops.get("/api/v1/domains").status());
        assertEquals(400, ops.put("/api/v1/admins/" + name + "/password", "{\"password\":\"short\"}").status());
        assertEquals(404, ops.put("/api/v1/admins/nobody-here/password", "{\"password\":\"long enough pw\"}").status());
        assertEquals(409, ops.put("/api/v1/admins/admin/password", "{\"password\":\"long enough pw\"}").status(),
                "admin's password is mail.admin.password");

        // Only ops left: it cannot remove itself. admin comes back with mail.admin.password.
        assertEquals(204, ops.delete("/api/v1/admins/admin").status());
        assertEquals(401, admin.get("/api/v1/domains").status(), "a removed administrator cannot log in");
        AdminClient.Reply last = ops.delete("/api/v1/admins/" + name);
        assertEquals(409, last.status(), last.toString());
        assertTrue(last.error().contains("last"), last.error());
        assertEquals(201, ops.post("/api/v1/admins", "{\"username\":\"admin\",\"password\":\"whatever it is\"}").status());
        assertEquals(200, admin.get("/api/v1/domains").status(), "admin's password is the configured one");
        assertEquals(204, admin.delete("/api/v1/admins/" + name).status());
        assertEquals(404, admin.delete("/api/v1/admins/" + name).status());
        assertEquals(401, ops.get("/api/v1/domains").status());
        assertFalse(names().contains(name));
    }

    private List<String> names() throws Exception {
        return admin.get("/api/v1/admins").json().asJsonArray().stream()
                .map(a -> a.asJsonObject().getString("username")).toList();
    }

    @Test
    void theQueueGaugesStillCountEveryState() throws Exception {
        String metrics = AdminClient.anonymous().get("/metrics", "text/plain").body();
        for (String state : List.of("queued", "in_delivery", "deferred", "delivered", "bounced", "held")) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("mail_queue_entries{")
                    && line.contains("state=\"" + state + "\"")), state + " in " + metrics);
        }
    }
}
