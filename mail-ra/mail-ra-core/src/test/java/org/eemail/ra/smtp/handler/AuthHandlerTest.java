// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.eemail.ra.smtp.TestSession;
import org.junit.jupiter.api.Test;

class AuthHandlerTest {

    private static TestSession encrypted() {
        TestSession test = TestSession.mta();
        test.session.tlsStarted();
        test.send("EHLO client.test");
        return test;
    }

    @Test
    void plainWithAnInitialResponse() {
        TestSession test = encrypted();
        assertEquals("235 2.7.0 Authentication successful", test.send("AUTH PLAIN " + TestSession.ALICE_PLAIN));
        assertEquals(Optional.of("alice@example.test"), test.session.identity());
    }

    @Test
    void plainAfterAnEmptyChallengeAndWithAnEmptyInitialResponse() {
        TestSession test = encrypted();
        assertEquals("334 ", test.send("auth plain"));
        assertEquals("235 2.7.0 Authentication successful", test.send(TestSession.ALICE_PLAIN));
        TestSession empty = encrypted();
        assertEquals("535 5.7.8 Authentication credentials invalid", empty.send("AUTH PLAIN ="));
    }

    @Test
    void plainRefusesActingForAnotherIdentity() {
        TestSession test = encrypted();
        String bobForAlice = "Ym9iQGV4YW1wbGUudGVzdABhbGljZUBleGFtcGxlLnRlc3QAYWxpY2UtcHc="; // bob\0alice\0alice-pw
        assertEquals("535 5.7.8 Authentication credentials invalid", test.send("AUTH PLAIN " + bobForAlice));
        assertEquals(Optional.empty(), test.session.identity());
    }

    @Test
    void loginAsksForUserAndPassword() {
        TestSession test = encrypted();
        assertEquals("334 VXNlcm5hbWU6", test.send("AUTH LOGIN"));
        assertEquals("334 UGFzc3dvcmQ6", test.send("Ym9iQGV4YW1wbGUudGVzdA==")); // bob@example.test
        assertEquals("235 2.7.0 Authentication successful", test.send("Ym9iLXB3")); // bob-pw
        assertEquals(Optional.of("bob@example.test"), test.session.identity());
    }

    @Test
    void cancelBadBase64AndWrongPassword() {
        TestSession test = encrypted();
        test.send("AUTH LOGIN");
        assertEquals("501 5.0.0 Authentication cancelled", test.send("*"));
        assertEquals("250 2.0.0 OK", test.send("NOOP"), "the next line is a command again");
        test.send("AUTH PLAIN");
        assertEquals("501 5.5.2 Cannot decode the base64 response", test.send("%%%"));
        assertEquals("535 5.7.8 Authentication credentials invalid", test.send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw=="));
        assertEquals("504 5.5.4 Unrecognized authentication mechanism", test.send("AUTH GSSAPI"));
        assertEquals("501 5.5.4 Syntax error in parameters or arguments", test.send("AUTH PLAIN a b"));
    }

    @Test
    void aBrokenBackendIsATemporaryFailure() {
        TestSession test = encrypted();
        test.backend.failWith(new IllegalStateException("database down"));
        assertEquals("454 4.7.0 Temporary authentication failure", test.send("AUTH PLAIN " + TestSession.ALICE_PLAIN));
    }

    @Test
    void onlyUnderTlsOnlyOnceAndNotInATransaction() {
        TestSession plain = TestSession.greeted();
        assertEquals("530 5.7.0 Must issue a STARTTLS command first", plain.send("AUTH PLAIN " + TestSession.ALICE_PLAIN));
        TestSession twice = TestSession.alice();
        assertEquals("503 5.5.1 Bad sequence of commands", twice.send("AUTH PLAIN " + TestSession.ALICE_PLAIN));
        TestSession busy = encrypted();
        busy.transaction();
        assertEquals("503 5.5.1 Bad sequence of commands", busy.send("AUTH PLAIN " + TestSession.ALICE_PLAIN));
    }

    @Test
    void failedLoginsAreAnsweredLaterAndLaterUntilOneSucceeds() {
        TestSession test = TestSession.mta();
        test.session.tlsStarted();
        test.send("EHLO client.test");
        String wrong = "AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==";
        assertEquals(java.time.Duration.ofSeconds(1), test.response(wrong).delay());
        assertEquals(java.time.Duration.ofSeconds(2), test.response(wrong).delay());
        org.eemail.ra.protocol.Response success = test.response("AUTH PLAIN " + TestSession.ALICE_PLAIN);
        assertEquals(java.time.Duration.ZERO, success.delay(), "a success is answered at once");
        TestSession again = new TestSession(org.eemail.ra.smtp.SmtpSettings.defaults("mx.test"), test.session.connection());
        again.session.tlsStarted();
        again.send("EHLO client.test");
        assertEquals(java.time.Duration.ofSeconds(1), again.response(wrong).delay(), "the success cleared the record");
        String bobForAlice = java.util.Base64.getEncoder().encodeToString(
                "bob@example.test\0alice@example.test\0alice-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.time.Duration.ofSeconds(2), again.response("AUTH PLAIN " + bobForAlice).delay(),
                "acting for another identity is a failed login too");
    }
}
