// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.protocol.SpooledMessageSink;
import org.eemail.ra.smtp.ConnectionInfo;
import org.eemail.ra.transcript.Pop3Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the transcripts cannot show: other clients and settings, other sessions, failures. */
class Pop3SessionTest {

    private static final String CAROL = "carol@example.test";

    @TempDir
    Path spool;

    private final FakePop3Backend backend = new FakePop3Backend();

    private Pop3Session session(Pop3Settings settings, String client, boolean tls) {
        return new Pop3Session(settings, new ConnectionInfo(client, tls), backend,
                () -> new SpooledMessageSink(Long.MAX_VALUE, 1024, spool));
    }

    private Pop3Session loopback() {
        return session(Pop3Settings.defaults("mx.test"), "127.0.0.1", false);
    }

    private static String text(Response response) {
        return response.reply().wireText();
    }

    private static Pop3Session loggedIn(Pop3Session session) {
        session.onLine("USER " + CAROL);
        assertTrue(text(session.onLine("PASS carol-pw")).startsWith("+OK Maildrop has 3 messages"));
        return session;
    }

    @Test
    void plaintextLoginIsRefusedWithoutTlsFromARemoteClientByDefault() {
        Pop3Session remote = session(Pop3Settings.defaults("mx.test"), "192.0.2.7", false);

        assertEquals(Pop3Replies.PLAINTEXT_REFUSED, remote.onLine("USER " + CAROL).reply());
        assertEquals(Pop3Replies.PLAINTEXT_REFUSED, remote.onLine("AUTH PLAIN AGNhcm9sAHB3").reply());
        String capa = text(remote.onLine("CAPA"));
        assertFalse(capa.contains("USER\r\n"), capa);
        assertFalse(capa.contains("SASL"), capa);
        assertTrue(capa.contains("STLS\r\n"), capa);

        remote.tlsStarted();
        assertEquals(Pop3Replies.USER_ACCEPTED, remote.onLine("USER " + CAROL).reply());
    }

    @Test
    void thePolicyCanAllowEveryoneOrNoOne() {
        Pop3Settings always = new Pop3Settings("mx.test", PlaintextAuth.ALWAYS, false);
        Pop3Settings never = new Pop3Settings("mx.test", PlaintextAuth.NEVER, false);

        assertEquals(Pop3Replies.USER_ACCEPTED, session(always, "192.0.2.7", false).onLine("USER x").reply());
        assertEquals(Pop3Replies.PLAINTEXT_REFUSED, session(never, "127.0.0.1", false).onLine("USER x").reply());
        assertEquals(Pop3Replies.USER_ACCEPTED, session(never, "127.0.0.1", true).onLine("USER x").reply());
        assertTrue(PlaintextAuth.LOOPBACK.allows("::1"));
        assertFalse(PlaintextAuth.LOOPBACK.allows("localhost"), "literals only, never a name lookup");
    }

    @Test
    void failedLoginsAreAnsweredLaterEachTime() {
        Pop3Session session = loopback();
        session.onLine("USER " + CAROL);
        Response first = session.onLine("PASS wrong");
        session.onLine("USER nobody@example.test");
        Response second = session.onLine("PASS carol-pw");

        assertEquals(Pop3Replies.LOGIN_FAILED, first.reply());
        assertEquals(Pop3Replies.LOGIN_FAILED, second.reply(), "unknown user: the same answer");
        assertEquals(Duration.ofSeconds(1), first.delay());
        assertEquals(Duration.ofSeconds(2), second.delay());
    }

    @Test
    void aSecondSessionGetsInUseWhileTheFirstHoldsTheMaildrop() {
        Pop3Session first = loggedIn(loopback());
        Pop3Session second = loopback();
        second.onLine("USER " + CAROL);

        assertEquals(Pop3Replies.IN_USE, second.onLine("PASS carol-pw").reply());
        assertEquals(Pop3State.AUTHORIZATION, second.state());
        assertEquals(Optional.of(first.id()), backend.lockHolder(CAROL));
    }

    @Test
    void quitRemovesTheMarkedMessagesAndReleasesTheLock() {
        Pop3Session session = loggedIn(loopback());
        session.onLine("DELE 2");

        Response quit = session.onLine("QUIT");

        assertTrue(quit.closes());
        assertEquals("+OK mx.test POP3 server signing off (2 messages left)\r\n", text(quit));
        assertEquals(List.of(102L), backend.removed());
        assertEquals(Optional.empty(), backend.lockHolder(CAROL));
    }

    @Test
    void aConnectionThatEndsWithoutQuitRemovesNothingAndReleasesTheLock() {
        Pop3Session session = loggedIn(loopback());
        session.onLine("DELE 1");

        session.closed();

        assertEquals(List.of(), backend.removed());
        assertEquals(Optional.empty(), backend.lockHolder(CAROL));
        assertEquals(Pop3State.UPDATE, session.state());
    }

    @Test
    void aLostLockRemovesNothingAndSaysSo() {
        Pop3Session session = loggedIn(loopback());
        session.onLine("DELE 1");
        backend.release(CAROL, session.id());
        backend.lockElsewhere(CAROL);

        Response quit = session.onLine("QUIT");

        assertEquals(Pop3Replies.NOT_ALL_DELETED, quit.reply());
        assertTrue(quit.closes());
        assertEquals(List.of(), backend.removed());
    }

    @Test
    void aFailingBackendGetsSysTempAndTheSessionGoesOn() {
        Pop3Session session = loggedIn(loopback());
        backend.failWith(new IllegalStateException("database down"));

        assertEquals(Pop3Replies.TEMPORARY_FAILURE, session.onLine("RETR 1").reply());
        assertEquals(Pop3Replies.TEMPORARY_FAILURE, session.onLine("TOP 1 0").reply());
        assertTrue(text(session.onLine("STAT")).startsWith("+OK 3 "), "the list is the session's own");
        Response quit = session.onLine("QUIT");
        assertEquals(Pop3Replies.NOT_ALL_DELETED, quit.reply());

        Pop3Session other = loopback();
        other.onLine("USER " + CAROL);
        assertEquals(Pop3Replies.TEMPORARY_FAILURE, other.onLine("PASS carol-pw").reply());
    }

    @Test
    void retrSendsTheSpooledMessageAsTheBody() throws Exception {
        Pop3Session session = loggedIn(loopback());

        Response retr = session.onLine("RETR 1");

        byte[] sent = retr.body().open().readAllBytes();
        retr.body().discard();
        assertEquals("+OK " + sent.length + " octets\r\n", text(retr));
        assertTrue(new String(sent, StandardCharsets.UTF_8).endsWith("Subject: first\r\n\r\nHello Carol.\r\n"));
    }

    @Test
    void retrsInOrderReadTheNextMessagesInOneCallAndAnswerThemWithoutTheBackend() throws Exception {
        Pop3Session session = loggedIn(loopback());
        byte[] third = FakePop3Backend.withTrace(CAROL, Pop3Fixture.CAROL_MESSAGES.get(2));

        assertTrue(session.mayBlock("RETR 1"));
        session.onLine("RETR 1").body().discard();
        assertTrue(session.mayBlock("RETR 2"), "nothing read ahead yet");
        session.onLine("RETR 2").body().discard();
        assertFalse(session.mayBlock("RETR 3"), "read ahead: answered on the network thread");
        assertTrue(session.mayBlock("TOP 3 0"));
        Response retr = session.onLine("RETR 3");

        assertEquals(1, backend.copies(), "RETR 1 alone");
        assertEquals(List.of(List.of(102L, 103L)), backend.reads(), "RETR 2 with 3");
        assertEquals("+OK " + third.length + " octets\r\n", text(retr));
        assertArrayEquals(third, retr.body().open().readAllBytes());
        retr.body().discard();
        assertTrue(session.mayBlock("RETR 3"), "sent once, no longer held");
    }

    @Test
    void aMessageRemovedElsewhereBeforeItIsReadIsGoneAndAFailingReadIsSysTemp() {
        Pop3Session session = loggedIn(loopback());
        session.onLine("RETR 1").body().discard();
        backend.removeElsewhere(CAROL, 102);

        assertEquals(Pop3Replies.MESSAGE_GONE, session.onLine("RETR 2").reply());
        Response third = session.onLine("RETR 3");
        assertTrue(text(third).startsWith("+OK "), "read with RETR 2: " + text(third));
        third.body().discard();

        backend.failWith(new IllegalStateException("database down"));
        session.onLine("RSET");
        assertEquals(Pop3Replies.TEMPORARY_FAILURE, session.onLine("RETR 3").reply(), "backwards: streamed, and fails");
    }

    @Test
    void topStopsReadingTheMessageOnceItHasTheLinesItSends() throws Exception {
        StringBuilder body = new StringBuilder();
        while (body.length() < 20 * 1024 * 1024) {
            body.append("a body line of a large message, seventy-five octets with CRLF ...........\r\n");
        }
        byte[] large = ("Subject: large\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        backend.deliver("dora@example.test", large);
        Pop3Session session = loopback();
        session.onLine("USER dora@example.test");
        assertTrue(text(session.onLine("PASS dora-pw")).startsWith("+OK Maildrop has 1 message"));

        Response top = session.onLine("TOP 1 2");

        byte[] sent = top.body().open().readAllBytes();
        top.body().discard();
        assertEquals("Subject: large\r\n\r\n" + body.substring(0, 2 * 75), new String(sent, StandardCharsets.US_ASCII));
        assertEquals(FakePop3Backend.CHUNK, backend.copied(), "one chunk of " + large.length + " octets read");
        Response retr = session.onLine("RETR 1");
        retr.body().discard();
        assertEquals(large.length, backend.copied(), "RETR reads it all");
    }

    @Test
    void apopIsOffByDefault() {
        Pop3Session session = loopback();

        assertEquals("+OK mx.test POP3 server ready\r\n", session.greeting().wireText(), "no timestamp");
        assertEquals(Pop3Replies.APOP_UNAVAILABLE,
                session.onLine("APOP " + CAROL + " 0123456789abcdef0123456789abcdef").reply());
    }

    @Test
    void apopWhenEnabled() {
        Pop3Session session = session(new Pop3Settings("mx.test", PlaintextAuth.NEVER, true), "192.0.2.7", false);
        String greeting = session.greeting().wireText();
        assertTrue(greeting.matches("\\+OK mx\\.test POP3 server ready <[0-9a-z]+\\.[0-9]+@mx\\.test>\r\n"), greeting);

        Response wrong = session.onLine("APOP " + CAROL + " " + FakePop3Backend.md5Hex(session.apopTimestamp() + "guess"));
        assertEquals(Pop3Replies.LOGIN_FAILED, wrong.reply());
        assertEquals(Pop3Replies.APOP_SYNTAX, session.onLine("APOP " + CAROL + " nothex").reply());
        Response right = session.onLine("APOP " + CAROL + " " + FakePop3Backend.md5Hex(session.apopTimestamp() + "carol-apop"));

        assertTrue(text(right).startsWith("+OK Maildrop has 3 messages"), "APOP needs no TLS: " + text(right));
    }

    @Test
    void authPlainForAnotherIdentityFails() {
        String asAlice = Base64.getEncoder().encodeToString("alice@example.test\0carol@example.test\0carol-pw"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(Pop3Replies.LOGIN_FAILED, loopback().onLine("AUTH PLAIN " + asAlice).reply());
    }
}
