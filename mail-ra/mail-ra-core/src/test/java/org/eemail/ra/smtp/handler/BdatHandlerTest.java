// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpSettings;
import org.eemail.ra.smtp.SmtpState;
import org.eemail.ra.smtp.TestSession;
import org.junit.jupiter.api.Test;

class BdatHandlerTest {

    @Test
    void chunksAreJoinedExactlyAndTheLastDelivers() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        Response first = test.response("BDAT 7");
        assertNull(first.reply(), "the reply follows the chunk");
        assertEquals(Response.Next.READ_CHUNK, first.next());
        assertEquals(7, first.chunkSize());
        assertEquals("250 2.0.0 7 octets received", test.chunk("A: b\r\n\r"));
        assertEquals(SmtpState.BDAT, test.session.state());
        test.response("BDAT 6 last");
        assertTrue(test.chunk("\n.x\r\n").startsWith("250 2.0.0 OK: queued as "));
        assertEquals("A: b\r\n\r\n.x\r\n", test.backend.deliveries().get(0).text(), "no dot-unstuffing in BDAT");
        assertEquals(SmtpState.GREETED, test.session.state());
    }

    @Test
    void bdatZeroLastDeliversAnEmptyMessage() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        assertEquals(0, test.response("BDAT 0 LAST").chunkSize());
        assertTrue(TestSession.text(test.session.onChunkEnd()).startsWith("250 2.0.0 OK"));
        assertEquals("", test.backend.deliveries().get(0).text());
    }

    @Test
    void aChunkOverTheLimitIsReadDroppedAndEndsTheTransaction() {
        TestSession test = TestSession.with(SmtpSettings.defaults("mx.test").withLimits(10, 10, 10));
        test.send("EHLO client.test");
        test.transaction("alice@example.test");
        test.response("BDAT 6");
        assertEquals("250 2.0.0 6 octets received", test.chunk("12345\n"));
        assertEquals(11, test.response("BDAT 11").chunkSize(), "still read");
        assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", test.chunk("x".repeat(11)));
        assertEquals(SmtpState.GREETED, test.session.state());
        assertEquals(5, test.response("BDAT 5 LAST").chunkSize(), "a later chunk is read too");
        assertEquals("503 5.5.1 Bad sequence of commands", test.chunk("QUIT\n"));
        assertEquals(List.of(), test.backend.deliveries());
    }

    @Test
    void aRefusedBdatStillReadsItsChunkUnlessItsSizeIsUnknown() {
        TestSession test = TestSession.greeted();
        Response refused = test.response("BDAT 12");
        assertEquals(Response.Next.READ_CHUNK, refused.next());
        assertEquals(12, refused.chunkSize());
        assertEquals("503 5.5.1 Bad sequence of commands", test.chunk("RSET\r\nQUIT\r\n"));
        Response unknownSize = test.response("BDAT twelve");
        assertEquals(Response.Next.READ_LINE, unknownSize.next());
        assertEquals("503 5.5.1 Bad sequence of commands", TestSession.text(unknownSize));
        test.transaction("alice@example.test");
        assertEquals("501 5.5.4 Syntax error in parameters or arguments", test.send("BDAT 3 FIRST"));
        assertEquals("501 5.5.4 Syntax error in parameters or arguments", test.send("BDAT -3"));
    }

    @Test
    void dataIsOutOfSequenceOnceChunkingStarted() {
        TestSession test = TestSession.greeted();
        test.transaction("alice@example.test");
        test.response("BDAT 3");
        test.chunk("abc");
        assertEquals("503 5.5.1 Bad sequence of commands", test.send("DATA"));
        assertEquals(SmtpState.BDAT, test.session.state());
        test.expect("250 2.0.0 OK", "RSET");
        assertEquals(SmtpState.GREETED, test.session.state());
    }
}
