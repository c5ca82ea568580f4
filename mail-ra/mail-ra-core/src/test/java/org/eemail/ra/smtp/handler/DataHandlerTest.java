// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Recipient;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.FakeSmtpBackend;
import org.eemail.ra.smtp.SmtpSettings;
import org.eemail.ra.smtp.SmtpState;
import org.eemail.ra.smtp.TestSession;
import org.junit.jupiter.api.Test;

class DataHandlerTest {

    private static final String RECEIVED = "Received: from client\\.test \\(\\[192\\.0\\.2\\.7\\]\\)\r\n"
            + "\tby mx\\.test with %s id [0-9A-F]{12}-1%s;\r\n"
            + "\t[A-Z][a-z]{2}, [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} \\+0000\r\n";

    private static void assertMatches(String regex, String actual) {
        assertTrue(actual.matches(regex), "\n" + regex + "\n" + actual);
    }

    @Test
    void deliversTheUnstuffedTextWithEnvelopeAndReceivedHeader() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        Response started = test.response("DATA");
        assertEquals(Response.Next.READ_DATA, started.next());
        assertEquals("354 End data with <CR><LF>.<CR><LF>", TestSession.text(started));
        String reply = test.data("Subject: hi\r\n\r\n..dot\r\nline\r\n.\r\n");
        assertMatches("250 2\\.0\\.0 OK: queued as [0-9A-F]{12}-1", reply);

        FakeSmtpBackend.Delivery delivery = test.backend.deliveries().get(0);
        assertEquals("Subject: hi\r\n\r\n.dot\r\nline\r\n", delivery.text());
        assertEquals(new Envelope("someone@elsewhere.test", List.of(Recipient.of("alice@example.test")), "192.0.2.7",
                "client.test", Optional.empty(), false, Envelope.BodyType.SEVEN_BIT, false, Optional.empty(),
                Optional.empty()), delivery.envelope());
        assertMatches(String.format(RECEIVED, "ESMTP", "\r\n\tfor <alice@example\\.test>"), delivery.traceHeader());
        assertEquals(SmtpState.GREETED, test.session.state());
    }

    @Test
    void theReceivedHeaderNamesTheProtocol() {
        TestSession helo = TestSession.mta();
        helo.send("HELO client.test");
        helo.transaction("alice@example.test", "bob@example.test");
        helo.send("DATA");
        helo.data(".\r\n");
        assertMatches(String.format(RECEIVED, "SMTP", ""), helo.backend.deliveries().get(0).traceHeader());

        TestSession alice = TestSession.alice();
        alice.expect("250", "MAIL FROM:<alice@example.test>");
        alice.expect("250", "RCPT TO:<bob@example.test>");
        alice.send("DATA");
        alice.data("x\r\n.\r\n");
        FakeSmtpBackend.Delivery delivery = alice.backend.deliveries().get(0);
        assertMatches(String.format(RECEIVED, "ESMTPSA", "\r\n\tfor <bob@example\\.test>"), delivery.traceHeader());
        assertEquals(Optional.of("alice@example.test"), delivery.envelope().identity());
        assertTrue(delivery.envelope().tls());
    }

    @Test
    void tooLargeBareLineEndingsAndQuotaAreRefusedWithoutDelivery() {
        TestSession test = TestSession.with(SmtpSettings.defaults("mx.test").withLimits(20, 10, 10));
        test.send("EHLO client.test");
        test.transaction("alice@example.test");
        test.send("DATA");
        assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", test.data("x".repeat(30) + "\r\n.\r\n"));
        test.transaction("alice@example.test");
        test.send("DATA");
        assertTrue(test.data("a\nb\r\n.\r\n").startsWith("550 5.6.0"));
        TestSession quota = TestSession.greeted();
        quota.transaction("alice@example.test", "small@example.test");
        quota.send("DATA");
        assertTrue(quota.data("y".repeat(101) + "\r\n.\r\n").startsWith("552 5.2.2"));
        assertEquals(List.of(), test.backend.deliveries());
        assertEquals(List.of(), quota.backend.deliveries());
        assertEquals(SmtpState.GREETED, quota.session.state());
    }

    @Test
    void verdictsBecomeReplies() {
        assertEquals("554 5.0.0 Message rejected", deliverWith(Verdict.reject()));
        assertEquals("550 5.7.1 Spam", deliverWith(Verdict.reject(550, "5.7.1", "Spam")));
        assertEquals("451 4.3.0 Temporary failure, try again later", deliverWith(Verdict.defer()));
        assertEquals("452 4.2.2 Full", deliverWith(Verdict.defer(452, "4.2.2", "Full")));
        assertEquals("250 2.0.0 Thanks",
                deliverWith(new Verdict(Verdict.Kind.ACCEPT, Optional.of(new Verdict.Reply(250, "2.0.0", "Thanks")))));
    }

    private static String deliverWith(Verdict verdict) {
        TestSession test = TestSession.greeted();
        test.backend.answer(verdict);
        test.transaction("alice@example.test");
        test.send("DATA");
        return test.data("x\r\n.\r\n");
    }

    @Test
    void disconnectClosesAfterTheReply() {
        TestSession test = TestSession.greeted();
        test.backend.answer(Verdict.disconnect());
        test.transaction("alice@example.test");
        test.send("DATA");
        Response end = test.session.onDataEnd(); // an empty message
        assertTrue(end.closes());
        assertEquals("421 4.3.0 mx.test Closing transmission channel", TestSession.text(end));
        assertEquals(SmtpState.CLOSING, test.session.state());
    }

    @Test
    void aFailingBackendIsATemporaryFailureAndTheSessionGoesOn() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        test.send("DATA");
        test.backend.failWith(new IllegalStateException("disk full"));
        assertEquals("451 4.3.0 Temporary failure, try again later", test.data("x\r\n.\r\n"));
        assertEquals(SmtpState.GREETED, test.session.state());
        assertEquals("250 2.0.0 OK", test.send("NOOP"));
    }
}
