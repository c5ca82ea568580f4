// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eemail.ra.protocol.DiscardingMessageSink;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.ConnectionInfo;
import org.eemail.ra.smtp.FakeSmtpBackend;
import org.eemail.ra.smtp.HeloName;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.smtp.SmtpSettings;
import org.junit.jupiter.api.Test;

class EhloHandlerTest {

    private static SmtpSession session(SmtpSettings.ListenerKind kind, boolean tls) {
        return new SmtpSession(SmtpSettings.defaults("mx.test").withListener(kind).withLimits(1000, 10, 10),
                new ConnectionInfo("192.0.2.7", tls), new FakeSmtpBackend(), DiscardingMessageSink::new);
    }

    private static String ehlo(SmtpSession session) {
        Response response = new EhloHandler().handle(session, "client.test");
        return response.reply().wireText();
    }

    @Test
    void plainConnectionsOfferStartTlsAndNoAuth() {
        assertEquals("250-mx.test\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n"
                + "250-CHUNKING\r\n250-SMTPUTF8\r\n250-DSN\r\n250 STARTTLS\r\n", ehlo(session(SmtpSettings.ListenerKind.MTA, false)));
    }

    @Test
    void encryptedConnectionsOfferAuthAndNoStartTls() {
        String expected = "250-mx.test\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n"
                + "250-CHUNKING\r\n250-SMTPUTF8\r\n250-DSN\r\n250 AUTH PLAIN LOGIN\r\n";
        assertEquals(expected, ehlo(session(SmtpSettings.ListenerKind.SMTPS, true)));
        SmtpSession afterStartTls = session(SmtpSettings.ListenerKind.SUBMISSION, false);
        afterStartTls.tlsStarted();
        assertEquals(expected, ehlo(afterStartTls));
    }

    @Test
    void ehloGreetsAndHeloDoesNotExtend() {
        SmtpSession session = session(SmtpSettings.ListenerKind.MTA, false);
        ehlo(session);
        assertTrue(session.extended());
        assertEquals("client.test", session.heloName());
        assertEquals("250 mx.test\r\n", new HeloHandler().handle(session, "other.test").reply().wireText());
        assertFalse(session.extended());
        assertEquals("other.test", session.heloName());
    }

    @Test
    void theNameMustBeADomainOrAnAddressLiteral() {
        for (String good : new String[] {"client.test", "a", "my_host.example", "[192.0.2.1]", "[IPv6:2001:db8::1]", "host."}) {
            assertTrue(HeloName.valid(good), good);
        }
        for (String bad : new String[] {"", "two words", "a(b)", "-a.test", "a..test", "[]", "x;y", "ünï.test"}) {
            assertFalse(HeloName.valid(bad), bad);
        }
        SmtpSession session = session(SmtpSettings.ListenerKind.MTA, false);
        assertEquals("501 5.5.4 Syntax error: a domain or address literal is required\r\n",
                new EhloHandler().handle(session, "").reply().wireText());
        assertEquals(null, session.heloName());
    }
}
