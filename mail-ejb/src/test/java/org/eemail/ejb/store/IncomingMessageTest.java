// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.junit.jupiter.api.Test;

class IncomingMessageTest {

    private static final InputStream EMPTY = new ByteArrayInputStream(new byte[0]);
    private static final List<Recipient> ONE = List.of(Recipient.of("a@example.test"));

    @Test
    void refusesASenderThatWouldForgeAHeader() {
        assertThrows(IllegalArgumentException.class, () -> message("a@b.test\r\nBcc: x@y.test", ONE, ""));
        assertThrows(IllegalArgumentException.class, () -> message("<a@b.test>", ONE, ""));
        assertThrows(IllegalArgumentException.class, () -> message(null, ONE, ""));
    }

    @Test
    void needsRecipientsButNoneWhenApplicationsConsumeThemAll() {
        assertThrows(IllegalArgumentException.class, () -> message("", null, ""));
        assertEquals(List.of(), message("", List.of(), "").recipients());
        assertThrows(IllegalArgumentException.class, () -> Recipient.of(" "));
    }

    @Test
    void needsCompleteTraceLines() {
        assertThrows(IllegalArgumentException.class, () -> message("", ONE, "Received: x"));
        assertThrows(IllegalArgumentException.class, () -> message("", ONE, "Received: x\n"));
    }

    @Test
    void refusesDsnParametersTooLongToStore() {
        assertThrows(IllegalArgumentException.class, () -> new Recipient("a@b.test", "x".repeat(33), null));
        assertThrows(IllegalArgumentException.class, () -> new Recipient("a@b.test", null, "x".repeat(501)));
        assertThrows(IllegalArgumentException.class,
                () -> new IncomingMessage("", ONE, null, "x".repeat(101), "", EMPTY, 0));
    }

    @Test
    void returnPathComesFromTheEnvelopeSender() {
        assertArrayEquals("Return-Path: <>\r\nReceived: x\r\n".getBytes(StandardCharsets.US_ASCII),
                MessageContent.prefix("", "Received: x\r\n"));
        assertArrayEquals("Return-Path: <j\u00f6rg@b.test>\r\n".getBytes(StandardCharsets.UTF_8),
                MessageContent.prefix("j\u00f6rg@b.test", ""));
    }

    private static IncomingMessage message(String sender, List<Recipient> recipients, String trace) {
        return new IncomingMessage(sender, recipients, null, null, trace, EMPTY, 0);
    }
}
