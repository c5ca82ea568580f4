// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eemail.ra.smtp.TestSession;
import org.junit.jupiter.api.Test;

/** VRFY, RSET, HELP and QUIT: the verbs without a transaction of their own. */
class VrfyHandlerTest {

    @Test
    void vrfyNeverLooksTheAddressUp() {
        TestSession test = TestSession.mta();
        test.backend.failWith(new IllegalStateException("VRFY must not consult the backend"));
        String expected = "252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery";
        assertEquals(expected, test.send("VRFY alice@example.test"));
        assertEquals(expected, test.send("VRFY nobody@example.test"));
        assertEquals("501 5.5.4 Syntax error in parameters or arguments", test.send("VRFY"));
    }

    @Test
    void helpListsTheVerbs() {
        assertEquals("214-2.0.0 Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP VRFY HELP QUIT STARTTLS AUTH\r\n"
                + "214 2.0.0 See RFC 5321 for details", TestSession.mta().send("HELP"));
    }

    @Test
    void rsetKeepsTheGreetingAndQuitCloses() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        assertEquals("250 2.0.0 OK", test.send("RSET"));
        assertEquals("250 2.1.0 Sender OK", test.send("MAIL FROM:<a@elsewhere.test>"));
        assertEquals(true, test.response("QUIT").closes());
    }
}
