// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eemail.ra.protocol.Response;
import org.junit.jupiter.api.Test;

/** The dispatcher: states, the error limit, NUL, continuations, TLS reset, trusted networks. */
class SmtpSessionTest {

    @Test
    void aVerbInTheWrongStateGetsTheSharedReplyBeforeItsHandlerRuns() {
        TestSession test = TestSession.mta();
        assertEquals(SmtpReplies.BAD_SEQUENCE.wireText().strip(), test.send("MAIL FROM:<bad syntax"));
        assertEquals(SmtpState.CONNECTED, test.session.state());
        test.expect("250", "HELO client.test");
        assertEquals(SmtpState.GREETED, test.session.state());
        assertEquals(SmtpReplies.BAD_SEQUENCE.wireText().strip(), test.send("DATA now"));
    }

    @Test
    void onlyLinesThatMayAskTheBackendMayBlock() {
        TestSession test = TestSession.greeted();
        assertFalse(test.session.mayBlock("MAIL FROM:<a@sender.test>"), "no identity to check the sender against");
        assertTrue(test.session.mayBlock("rcpt to:<alice@example.test>"));
        assertTrue(test.session.mayBlock("AUTH PLAIN"));
        for (String line : new String[] {"EHLO x", "DATA", "BDAT 10 LAST", "RSET", "NOOP", "QUIT", "FROB", ""}) {
            assertFalse(test.session.mayBlock(line), line);
        }
        TestSession alice = TestSession.alice();
        assertTrue(alice.session.mayBlock("MAIL FROM:<alice@example.test>"), "the identity's sender is checked");
    }

    @Test
    void aLineOfAnAuthExchangeMayBlock() {
        TestSession login = new TestSession(SmtpSettings.defaults("mx.test"), new ConnectionInfo("192.0.2.7", true));
        login.expect("250", "EHLO client.test");
        login.expect("334", "AUTH LOGIN");
        assertTrue(login.session.mayBlock("YWxpY2U="), "the answer to a SASL challenge");
    }

    @Test
    void statesFollowTheTransaction() {
        TestSession test = TestSession.greeted();
        test.transaction();
        assertEquals(SmtpState.MAIL, test.session.state());
        test.expect("250 2.1.5", "RCPT TO:<alice@example.test>");
        assertEquals(SmtpState.RCPT, test.session.state());
        test.expect("354", "DATA");
        assertEquals(SmtpState.DATA, test.session.state());
        test.data("Subject: x\r\n.\r\n");
        assertEquals(SmtpState.GREETED, test.session.state());
        test.response("QUIT");
        assertEquals(SmtpState.CLOSING, test.session.state());
    }

    @Test
    void permanentErrorsAreCountedAndThe11thClosesTheSession() {
        TestSession test = TestSession.greeted();
        for (int i = 0; i < 10; i++) {
            assertFalse(test.response(i % 2 == 0 ? "FROB" : "RCPT TO:<alice@example.test>").closes());
        }
        test.expect("250 2.0.0 OK", "NOOP");
        Response eleventh = test.response("DATA");
        assertTrue(eleventh.closes());
        assertTrue(TestSession.text(eleventh).startsWith("421 4.7.0 "));
    }

    @Test
    void theErrorAfterTheLimitIsAnswered421AndCloses() {
        TestSession test = TestSession.with(SmtpSettings.defaults("mx.test").withLimits(1000, 100, 2));
        test.send("FROB");
        test.send("FROB");
        Response third = test.response("FROB");
        assertTrue(third.closes());
        assertEquals("421 4.7.0 mx.test Too many errors, closing transmission channel", TestSession.text(third));
        assertEquals(SmtpState.CLOSING, test.session.state());
    }

    @Test
    void temporaryErrorsAreNotCounted() {
        TestSession test = TestSession.with(SmtpSettings.defaults("mx.test").withLimits(1000, 1, 1));
        test.send("EHLO client.test");
        test.transaction("alice@example.test");
        for (int i = 0; i < 5; i++) {
            test.expect("452 4.5.3", "RCPT TO:<bob@example.test>");
        }
    }

    @Test
    void aNulOctetInACommandIsRefused() {
        TestSession test = TestSession.mta();
        assertEquals("500 5.5.2 Syntax error: NUL in command", test.send("HELO a\0b"));
        assertEquals(SmtpState.CONNECTED, test.session.state());
    }

    @Test
    void tlsStartedForgetsHeloAuthenticationAndTransaction() {
        TestSession test = TestSession.alice();
        test.expect("250 2.1.0", "MAIL FROM:<alice@example.test>");
        test.session.tlsStarted();
        assertEquals(SmtpState.CONNECTED, test.session.state());
        assertTrue(test.session.identity().isEmpty());
        assertEquals(null, test.session.heloName());
        assertTrue(test.session.tls());
    }

    @Test
    void clientsInTrustedNetworksMayRelayWithoutAuth() {
        SmtpSettings settings = SmtpSettings.defaults("mx.test").withTrustedNetworks(List.of(CidrBlock.parse("192.0.2.0/24")));
        TestSession trusted = new TestSession(settings, new ConnectionInfo("192.0.2.99", false));
        trusted.send("EHLO client.test");
        trusted.transaction("friend@elsewhere.test");
        TestSession outsider = new TestSession(settings, new ConnectionInfo("198.51.100.1", false));
        outsider.send("EHLO client.test");
        outsider.expect("250", "MAIL FROM:<x@elsewhere.test>");
        outsider.expect("554 5.7.1", "RCPT TO:<friend@elsewhere.test>");
    }

    @Test
    void verbsAreDispatchedInAnyCaseAndUnknownOnesRefused() {
        TestSession test = TestSession.mta();
        assertEquals("250 2.0.0 OK", test.send("noop"));
        assertEquals("500 5.5.1 Command unrecognized", test.send("EXPN staff"));
        assertEquals("500 5.5.2 Syntax error: empty command", test.send("   "));
    }
}
