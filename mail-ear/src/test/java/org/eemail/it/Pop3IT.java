// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The POP3 server deployed on Payara Micro, read by the Angus Mail POP3 provider as mail programs
 * read it ("download and delete" over STLS, "leave on server" over POP3S), and by a raw socket for
 * what a library hides: deletions only at QUIT, a dropped connection, the lock, byte-exact RETR,
 * APOP (on in the test server's configuration).
 * Each test has an account of its own, filled by SMTP through the deployed server.
 */
@ExtendWith(ArquillianExtension.class)
class Pop3IT {

    private static final String DOMAIN = "p" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    private static final String PASSWORD = "pop pw";
    private static final String LOGIN_FAILED = "-ERR [AUTH] Invalid user name or password";

    private final AdminClient admin = AdminClient.asAdmin();
    private String account;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    @BeforeAll
    static void domain() throws Exception {
        assertEquals(201, AdminClient.asAdmin().post("/api/v1/domains", "{\"name\":\"" + DOMAIN + "\"}").status());
    }

    @BeforeEach
    void freshAccount() throws Exception {
        account = "u" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        AdminClient.Reply created = admin.post("/api/v1/accounts",
                "{\"address\":\"" + account + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, created.status(), created.toString());
    }

    private void deliver(String subject, String body) throws Exception {
        RawSmtp.deliver(account, ("Subject: " + subject + "\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Session angus(String protocol) {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".host", "127.0.0.1");
        properties.put("mail." + protocol + ".port", String.valueOf(Server.port(protocol)));
        properties.put("mail." + protocol + ".ssl.trust", "*");
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        if (protocol.equals("pop3")) {
            properties.put("mail.pop3.starttls.enable", "true");
            properties.put("mail.pop3.starttls.required", "true");
        }
        return Session.getInstance(properties);
    }

    private List<String> subjects(Folder inbox) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    @Test
    void angusDownloadsAndDeletesOverStls() throws Exception {
        deliver("one", "first body");
        deliver("two", "second body");
        Store store = angus("pop3").getStore("pop3");
        store.connect(account, PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertEquals(List.of("one", "two"), subjects(inbox));
            assertEquals("first body\r\n", inbox.getMessage(1).getContent().toString());
            for (Message message : inbox.getMessages()) {
                message.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } finally {
            store.close();
        }
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            assertEquals("+OK 0 0", pop3.command("STAT"), "QUIT removed both");
            pop3.command("QUIT");
        }
    }

    @Test
    void angusLeavesMailOnTheServerOverPop3sAndUidsStayTheSame() throws Exception {
        deliver("kept", "stays on the server");
        List<String> before = uids();
        deliver("later", "arrives after the first visit");
        List<String> after = uids();

        assertEquals(1, before.size());
        assertEquals(2, after.size());
        assertEquals(before.get(0), after.get(0), "the same message keeps its UIDL");
        assertTrue(!after.get(1).equals(after.get(0)));
    }

    @Test
    void apopLogsInWithTheDigestOfTheGreetingsTimestampAndTheAccountsApopSecret() throws Exception {
        deliver("apop", "fetched after APOP");
        try (RawPop3 pop3 = RawPop3.connect()) {
            assertEquals(LOGIN_FAILED, pop3.command(apop(pop3, PASSWORD)), "no APOP secret yet: the password is not one");
            pop3.command("QUIT");
        }
        AdminClient.Reply set = admin.put("/api/v1/accounts/" + account + "/apop-secret", "{\"secret\":\"tanstaaf\"}");
        assertEquals(204, set.status(), set.toString());

        try (RawPop3 pop3 = RawPop3.connect()) {
            assertEquals(LOGIN_FAILED, pop3.command(apop(pop3, "tanstaaF")), "a wrong digest");
            assertTrue(pop3.command(apop(pop3, "tanstaaf")).startsWith("+OK Maildrop has 1 messages"));
            assertTrue(pop3.command("RETR 1").startsWith("+OK "));
            assertTrue(new String(pop3.multiLine(), StandardCharsets.UTF_8).endsWith("\r\nfetched after APOP\r\n"));
            assertTrue(pop3.command("QUIT").startsWith("+OK "));
        }
    }

    /** RFC 1939 §7: {@code APOP name digest}, the digest the MD5 of the greeting's timestamp and {@code secret}. */
    private String apop(RawPop3 pop3, String secret) throws Exception {
        String greeting = pop3.greeting();
        assertTrue(greeting.matches("\\+OK mx\\.test POP3 server ready <[^<>@]+@mx\\.test>"), greeting);
        String timestamp = greeting.substring(greeting.indexOf('<'), greeting.indexOf('>') + 1);
        byte[] digest = MessageDigest.getInstance("MD5").digest((timestamp + secret).getBytes(StandardCharsets.UTF_8));
        return "APOP " + account + " " + HexFormat.of().formatHex(digest);
    }

    private List<String> uids() throws Exception {
        Store store = angus("pop3s").getStore("pop3s");
        store.connect(account, PASSWORD);
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> uids = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                uids.add(inbox.getUID(message));
                message.getContent();
            }
            inbox.close(false);
            return uids;
        } finally {
            store.close();
        }
    }

    @Test
    void aSecondSessionFindsTheMaildropInUseUntilTheFirstQuits() throws Exception {
        try (RawPop3 first = RawPop3.login(account, PASSWORD); RawPop3 second = RawPop3.connect()) {
            second.command("USER " + account);
            assertEquals("-ERR [IN-USE] Maildrop is locked by another session", second.command("PASS " + PASSWORD));
            assertTrue(first.command("QUIT").startsWith("+OK "));
            second.command("USER " + account);
            assertTrue(second.command("PASS " + PASSWORD).startsWith("+OK "), "free after QUIT");
            second.command("QUIT");
        }
    }

    @Test
    void onlyQuitRemovesMarkedMessagesAndRsetUnmarksThem() throws Exception {
        deliver("a", "a");
        deliver("b", "b");
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            assertTrue(pop3.command("DELE 1").startsWith("+OK"));
            assertTrue(pop3.command("RSET").startsWith("+OK Maildrop has 2 messages"));
            pop3.command("QUIT");
        }
        String secondUid;
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            assertTrue(pop3.command("STAT").startsWith("+OK 2 "), "RSET kept both");
            secondUid = pop3.command("UIDL 2").split(" ")[2];
            assertTrue(pop3.command("DELE 1").startsWith("+OK"));
            assertTrue(pop3.command("QUIT").startsWith("+OK mx.test POP3 server signing off (1 messages left)"));
        }
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            assertTrue(pop3.command("STAT").startsWith("+OK 1 "));
            assertEquals("+OK 1 " + secondUid, pop3.command("UIDL 1"), "the other message is left, same UIDL");
            pop3.command("QUIT");
        }
    }

    @Test
    void aDroppedConnectionRemovesNothingAndReleasesTheLock() throws Exception {
        deliver("a", "a");
        RawPop3 dropped = RawPop3.login(account, PASSWORD);
        assertTrue(dropped.command("DELE 1").startsWith("+OK"));
        dropped.drop();

        try (RawPop3 pop3 = loginOnceReleased()) {
            assertTrue(pop3.command("STAT").startsWith("+OK 1 "), "DELE without QUIT removed nothing");
            pop3.command("QUIT");
        }
    }

    /** Logs in as soon as the server noticed the dropped connection and released its lock. */
    private RawPop3 loginOnceReleased() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            RawPop3 pop3 = RawPop3.connect();
            pop3.command("USER " + account);
            String reply = pop3.command("PASS " + PASSWORD);
            if (reply.startsWith("+OK")) {
                return pop3;
            }
            assertTrue(reply.startsWith("-ERR [IN-USE]"), reply);
            pop3.close();
            Thread.sleep(100);
        }
        throw new AssertionError("the lock of the dropped session was not released within 10 s");
    }

    @Test
    void mailArrivingDuringASessionAppearsInTheNextOne() throws Exception {
        deliver("before", "x");
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            deliver("during", "y");
            assertTrue(pop3.command("STAT").startsWith("+OK 1 "), "the list is fixed at login");
            assertTrue(pop3.command("LIST 2").startsWith("-ERR"));
            pop3.command("QUIT");
        }
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            assertTrue(pop3.command("STAT").startsWith("+OK 2 "));
            pop3.command("QUIT");
        }
    }

    @Test
    void retrIsByteExactForDotLinesEightBitAndTwentyMegabytes() throws Exception {
        byte[] small = ("Subject: dots\r\n\r\n.\r\n..\r\n.x\r\nGr\u00fc\u00dfe \u20ac\r\n\r\nend\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RawSmtp.deliver(account, small);
        RawSmtp.deliver(account, large(20 * 1024 * 1024));
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            for (int number = 1; number <= 2; number++) {
                long listed = Long.parseLong(pop3.command("LIST " + number).split(" ")[2]);
                String reply = pop3.command("RETR " + number);
                assertEquals("+OK " + listed + " octets", reply);
                byte[] retrieved = pop3.multiLine();
                assertEquals(listed, retrieved.length, "LIST size = octets of RETR before dot-stuffing");
                assertArrayEquals(stored(number), retrieved, "message " + number + " as stored");
            }
            pop3.command("QUIT");
        }
    }

    @Test
    void pipelinedRetrsOfAWholeMaildropAreEachAsStoredWhetherReadAheadOrStreamed() throws Exception {
        int count = 12;
        for (int n = 1; n <= count; n++) {
            // small ones, read ahead in one call from the second RETR on; message 7 too large for that
            byte[] message = n == 7 ? large(200 * 1024)
                    : ("Subject: " + n + "\r\n\r\n.\r\n" + "..x \u00e4\r\n".repeat(n * 40) + "end\r\n").getBytes(StandardCharsets.UTF_8);
            RawSmtp.deliver(account, message);
        }
        StringBuilder retrs = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            retrs.append("RETR ").append(n).append(n == 3 ? "\r\nDELE 4\r\nRETR 4\r\nRSET" : "").append("\r\n");
        }
        try (RawPop3 pop3 = RawPop3.login(account, PASSWORD)) {
            pop3.send(retrs.toString());
            for (int n = 1; n <= count; n++) {
                String reply = pop3.readLine();
                assertTrue(reply.startsWith("+OK "), "RETR " + n + ": " + reply);
                byte[] retrieved = pop3.multiLine();
                assertEquals("+OK " + retrieved.length + " octets", reply);
                assertArrayEquals(stored(n), retrieved, "message " + n + " as stored");
                if (n == 3) {
                    assertEquals("+OK Message 4 deleted", pop3.readLine());
                    assertEquals("-ERR Message is deleted", pop3.readLine(), "DELE marks a message read ahead too");
                    assertTrue(pop3.readLine().startsWith("+OK Maildrop has " + count + " messages"));
                }
            }
            assertTrue(pop3.command("QUIT").startsWith("+OK mx.test POP3 server signing off (" + count + " messages left)"));
        }
    }

    /** A message of about {@code size} octets whose lines often start with a dot. */
    private static byte[] large(int size) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(size + 100);
        message.writeBytes("Subject: large\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int line = 0; message.size() < size; line++) {
            String text = (line % 3 == 0 ? "." : "") + "line " + line + " \u00e4\u00f6\u00fc " + "x".repeat(line % 70) + "\r\n";
            message.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        return message.toByteArray();
    }

    /** Message {@code number}'s octets as the administration API reads them from the store. */
    private byte[] stored(int number) throws Exception {
        String id = admin.get("/api/v1/accounts/" + account + "/messages").json().asJsonArray()
                .get(number - 1).asJsonObject().get("id").toString();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                admin.request("/api/v1/accounts/" + account + "/messages/" + id).header("Accept", "message/rfc822").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
