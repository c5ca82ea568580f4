// SPDX-License-Identifier: Apache-2.0
package org.eemail.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReceivedMessageTest {

    private static final byte[] TEXT = ("Subject: Order 17\r\nFrom: a@example.test\r\n\r\nTwo boxes\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void parsesOnFirstUseOnly() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        ReceivedMessage message = new ReceivedMessage("42", TEXT.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(TEXT);
        });
        assertEquals(0, opened.get());
        assertEquals("Order 17", message.mime().getSubject());
        assertSame(message.mime(), message.mime());
        assertEquals(1, opened.get());
        try (var in = message.open()) {
            assertEquals(TEXT.length, in.readAllBytes().length);
        }
    }
}
