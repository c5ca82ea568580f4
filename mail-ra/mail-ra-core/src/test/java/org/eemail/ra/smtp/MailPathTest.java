// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailPathTest {

    private static SmtpReply refusal(String argument) {
        return assertThrows(SmtpRefusal.class, () -> MailPath.forwardPath(argument, "mx.test"), argument).reply();
    }

    @Test
    void splitsThePathFromItsParameters() throws SmtpRefusal {
        MailPath path = MailPath.reversePath("FROM:<a.b+c@example.test> SIZE=10 BODY=8BITMIME");
        assertEquals("a.b+c@example.test", path.address());
        assertEquals("SIZE=10 BODY=8BITMIME", path.parameters());
        assertEquals("", MailPath.reversePath("from:<>").address(), "the null path; keywords in any case");
        assertEquals("x@example.test", MailPath.reversePath("FROM: <x@example.test>").address(), "a space after the colon is tolerated");
        assertEquals("\"john doe\"@example.test", MailPath.forwardPath("TO:<\"john doe\"@example.test>", "mx.test").address());
        assertEquals("x@[192.0.2.1]", MailPath.forwardPath("TO:<x@[192.0.2.1]>", "mx.test").address());
        assertEquals("\"a>b\"@example.test", MailPath.forwardPath("TO:<\"a>b\"@example.test>", "mx.test").address());
    }

    @Test
    void postmasterWithoutDomainIsTheLocalPostmaster() throws SmtpRefusal {
        assertEquals("postmaster@mx.test", MailPath.forwardPath("TO:<postmaster>", "mx.test").address());
        assertEquals("PostMaster@mx.test", MailPath.forwardPath("TO:<PostMaster>", "mx.test").address());
        assertEquals(SmtpReplies.BAD_SENDER,
                assertThrows(SmtpRefusal.class, () -> MailPath.reversePath("FROM:<postmaster>")).reply());
    }

    @Test
    void relayTricksAreRefusedNotInterpreted() {
        for (String trick : List.of("TO:<@a.test,@b.test:victim@c.test>", "TO:<@a.test:victim@example.test>",
                "TO:<victim%c.test@example.test>", "TO:<c.test!victim@example.test>",
                "TO:<\"victim@c.test\"@example.test>", "TO:<victim@c.test@example.test>",
                "TO:<\"victim%c.test\"@example.test>")) {
            assertEquals(SmtpReplies.ROUTING_REFUSED, refusal(trick), trick);
        }
    }

    @Test
    void malformedPathsAreSyntaxErrors() {
        for (String bad : List.of("TO:alice@example.test", "TO:<alice>", "TO:<>", "TO:<alice@example.test",
                "TO:<alice@example.test>SIZE=1", "TO:<.alice@example.test>", "TO:<al..ice@example.test>",
                "TO:<alice@-example.test>", "TO:<alice@example.test.>", "TO:<alice@exa_mple.test>",
                "TO:<al ice@example.test>", "TO:<\"unterminated@example.test>", "TO:<alice@>",
                "TO:<" + "a".repeat(65) + "@example.test>", "TO:<a@" + "b".repeat(64) + ".test>")) {
            assertEquals(SmtpReplies.BAD_RECIPIENT, refusal(bad), bad);
        }
        assertEquals(SmtpReplies.SYNTAX_ERROR, refusal("FROM:<alice@example.test>"), "the wrong keyword");
    }

    @Test
    void utf8IsParsedAndFlaggedForTheSmtpUtf8Check() throws SmtpRefusal {
        MailPath utf8 = MailPath.forwardPath("TO:<jörg@bücher.example>", "mx.test");
        assertEquals("jörg@bücher.example", utf8.address());
        assertFalse(utf8.ascii());
        assertTrue(MailPath.forwardPath("TO:<jorg@example.test>", "mx.test").ascii());
    }
}
