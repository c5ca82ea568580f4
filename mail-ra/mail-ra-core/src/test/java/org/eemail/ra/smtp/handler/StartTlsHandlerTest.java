// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.ConnectionInfo;
import org.eemail.ra.smtp.SmtpSettings;
import org.eemail.ra.smtp.SmtpState;
import org.eemail.ra.smtp.TestSession;
import org.junit.jupiter.api.Test;

class StartTlsHandlerTest {

    @Test
    void answers220ThenAsksForTheHandshake() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        test.send("RSET");
        Response response = test.response("STARTTLS");
        assertEquals(Response.Next.START_TLS, response.next());
        assertEquals("220 2.0.0 Ready to start TLS", TestSession.text(response));
    }

    @Test
    void theHandshakeResetsTheSessionToBeforeEhlo() {
        TestSession test = TestSession.greeted();
        test.response("STARTTLS");
        test.session.tlsStarted();
        assertEquals(SmtpState.CONNECTED, test.session.state());
        assertEquals("503 5.5.1 Bad sequence of commands", test.send("MAIL FROM:<a@elsewhere.test>"));
        assertEquals("503 5.5.1 Bad sequence of commands", test.send("STARTTLS"), "not before EHLO either");
        test.send("EHLO client.test");
        assertEquals("503 5.5.1 Bad sequence of commands", test.send("STARTTLS"), "not twice");
    }

    @Test
    void noParametersAndNotOnImplicitTls() {
        assertEquals("501 5.5.4 Syntax error: no parameters allowed", TestSession.greeted().send("STARTTLS please"));
        TestSession smtps = new TestSession(SmtpSettings.defaults("mx.test").withListener(SmtpSettings.ListenerKind.SMTPS),
                new ConnectionInfo("192.0.2.7", true));
        smtps.send("EHLO client.test");
        assertEquals("503 5.5.1 Bad sequence of commands", smtps.send("STARTTLS"));
        assertTrue(smtps.session.tls());
    }
}
