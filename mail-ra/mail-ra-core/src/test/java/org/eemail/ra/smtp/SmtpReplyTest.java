// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void rendersOneLine() {
        assertEquals("250 2.0.0 OK\r\n", new SmtpReply(250, "2.0.0", "OK").wireText());
    }

    @Test
    void rendersMultiLineWithHyphensAndTheEnhancedCodeOnEveryLine() {
        SmtpReply reply = new SmtpReply(250, "2.0.0", List.of("mx.test", "PIPELINING", "SIZE 100"));
        assertEquals("250-2.0.0 mx.test\r\n250-2.0.0 PIPELINING\r\n250 2.0.0 SIZE 100\r\n", reply.wireText());
    }

    @Test
    void greetingHasNoEnhancedCode() {
        assertEquals("220 mx.test ESMTP\r\n", SmtpReplies.greeting("mx.test").wireText());
    }

    @Test
    void refusesImpossibleCodesAndEmptyText() {
        assertThrows(IllegalArgumentException.class, () -> new SmtpReply(600, "5.0.0", "x"));
        assertThrows(IllegalArgumentException.class, () -> new SmtpReply(250, "2.0.0", List.of()));
    }
}
