// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eemail.ra.api.Recipient;
import org.eemail.ra.smtp.SmtpSettings;
import org.eemail.ra.smtp.TestSession;
import org.junit.jupiter.api.Test;

class RcptToHandlerTest {

    @Test
    void recipientsKeepTheirDsnParametersInOrder() {
        TestSession test = TestSession.greeted();
        test.transaction();
        test.expect("250 2.1.5 Recipient OK", "RCPT TO:<alice@example.test> NOTIFY=success,DELAY ORCPT=rfc822;a+2Bb@example.test");
        test.expect("250", "RCPT TO:<Postmaster>");
        assertEquals(List.of(
                new Recipient("alice@example.test", EnumSet.of(Recipient.Notify.SUCCESS, Recipient.Notify.DELAY),
                        Optional.of("rfc822;a+b@example.test")),
                Recipient.of("Postmaster@mx.test")), test.session.transaction().recipients());
    }

    @Test
    void theSmallestQuotaOfTheLocalRecipientsIsKept() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        assertEquals(Long.MAX_VALUE, test.session.transaction().smallestQuota());
        test.expect("250", "RCPT TO:<small@example.test>");
        assertEquals(100, test.session.transaction().smallestQuota());
    }

    @Test
    void relayPolicyAppliesPerRecipient() {
        TestSession test = TestSession.greeted();
        test.transaction();
        test.expect("554 5.7.1 Relay access denied", "RCPT TO:<friend@elsewhere.test>");
        test.expect("550 5.1.1", "RCPT TO:<nobody@example.test>");
        test.expect("452 4.2.2", "RCPT TO:<full@example.test>");
        assertEquals(List.of(), test.session.transaction().recipients());

        TestSession alice = TestSession.alice();
        alice.expect("250", "MAIL FROM:<alice@example.test>");
        alice.expect("250 2.1.5", "RCPT TO:<friend@elsewhere.test>");
    }

    @Test
    void theRecipientLimitIsATemporaryRefusal() {
        TestSession test = TestSession.with(SmtpSettings.defaults("mx.test").withLimits(1000, 2, 10));
        test.send("EHLO client.test");
        test.transaction("alice@example.test", "bob@example.test");
        test.expect("452 4.5.3 Too many recipients", "RCPT TO:<sales@example.test>");
        assertEquals(2, test.session.transaction().recipients().size());
    }

    @Test
    void utf8RecipientsNeedAnSmtpUtf8Transaction() {
        TestSession test = TestSession.greeted();
        test.transaction();
        test.expect("553 5.6.7", "RCPT TO:<jörg@example.test>");
        test.send("RSET");
        test.expect("250", "MAIL FROM:<a@elsewhere.test> SMTPUTF8");
        test.expect("550 5.1.1", "RCPT TO:<jörg@example.test>");
    }

    @Test
    void aBrokenBackendIsATemporaryFailure() {
        TestSession test = TestSession.greeted();
        test.transaction();
        test.backend.failWith(new IllegalStateException("database down"));
        test.expect("451 4.3.0", "RCPT TO:<alice@example.test>");
    }
}
