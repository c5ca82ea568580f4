// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.smtp.MailTransaction;
import org.eemail.ra.smtp.SmtpSettings;
import org.eemail.ra.smtp.TestSession;
import org.junit.jupiter.api.Test;

class MailFromHandlerTest {

    @Test
    void parametersEndUpInTheTransaction() {
        TestSession test = TestSession.greeted();
        test.expect("250 2.1.0 Sender OK", "MAIL FROM:<a@elsewhere.test> BODY=8bitmime SMTPUTF8 RET=hdrs ENVID=id+2B1 AUTH=<> SIZE=10");
        MailTransaction transaction = test.session.transaction();
        assertEquals("a@elsewhere.test", transaction.sender());
        assertEquals(Envelope.BodyType.EIGHT_BIT_MIME, transaction.bodyType());
        assertEquals(true, transaction.smtpUtf8());
        assertEquals(Optional.of(Envelope.Ret.HDRS), transaction.ret());
        assertEquals(Optional.of("id+1"), transaction.envelopeId());
    }

    @Test
    void defaultsWithoutParameters() {
        TestSession test = TestSession.greeted();
        test.expect("250", "MAIL FROM:<>");
        MailTransaction transaction = test.session.transaction();
        assertEquals("", transaction.sender());
        assertEquals(Envelope.BodyType.SEVEN_BIT, transaction.bodyType());
        assertEquals(false, transaction.smtpUtf8());
        assertEquals(Optional.empty(), transaction.ret());
    }

    @Test
    void declaredSizeIsCheckedAgainstTheLimit() {
        TestSession test = TestSession.with(SmtpSettings.defaults("mx.test").withLimits(1000, 10, 100));
        test.send("EHLO client.test");
        test.expect("552 5.3.4", "MAIL FROM:<a@elsewhere.test> SIZE=1001");
        test.expect("552 5.3.4", "MAIL FROM:<a@elsewhere.test> SIZE=99999999999999999999");
        test.expect("501 5.5.4", "MAIL FROM:<a@elsewhere.test> SIZE=-1");
        test.expect("250", "MAIL FROM:<a@elsewhere.test> SIZE=1000");
    }

    @Test
    void badParameterValues() {
        TestSession test = TestSession.greeted();
        test.expect("555 5.5.4", "MAIL FROM:<a@elsewhere.test> BODY=BINARYMIME");
        test.expect("501 5.5.4", "MAIL FROM:<a@elsewhere.test> SMTPUTF8=yes");
        test.expect("501 5.5.4", "MAIL FROM:<a@elsewhere.test> BODY");
        test.expect("501 5.5.4", "MAIL FROM:<a@elsewhere.test> ENVID=" + "x".repeat(101));
        test.expect("501 5.5.4", "MAIL FROM:<a@elsewhere.test> AUTH=bad+");
        test.expect("553 5.6.7", "MAIL FROM:<jörg@elsewhere.test>");
        test.expect("250", "MAIL FROM:<jörg@elsewhere.test> SMTPUTF8");
    }

    @Test
    void anAuthenticatedUserSendsOnlyAsItselfOrItsAliases() {
        TestSession test = TestSession.alice();
        test.expect("553 5.7.1", "MAIL FROM:<bob@example.test>");
        test.expect("250", "MAIL FROM:<Sales@example.test>");
    }

    @Test
    void anAuthenticatedUserMaySendNotificationsWithTheNullSender() {
        TestSession test = TestSession.alice();
        test.expect("250", "MAIL FROM:<>");
    }

    @Test
    void aBrokenBackendIsATemporaryFailure() {
        TestSession test = TestSession.alice();
        test.backend.failWith(new IllegalStateException("database down"));
        test.expect("451 4.3.0", "MAIL FROM:<alice@example.test>");
    }

    @Test
    void submissionListenersNeedAuthFirst() {
        TestSession test = TestSession.with(SmtpSettings.defaults("mx.test").withListener(SmtpSettings.ListenerKind.SUBMISSION));
        test.send("EHLO client.test");
        test.expect("530 5.7.0 Authentication required", "MAIL FROM:<alice@example.test>");
    }
}
