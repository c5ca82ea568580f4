// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 3, 5, 9, 7, 2, 0, ZoneOffset.UTC);

    @Test
    void protocolKeywordsOfRfc3848AndRfc6531() {
        assertEquals("SMTP", TraceHeader.protocol(false, true, false, false));
        assertEquals("ESMTP", TraceHeader.protocol(true, false, false, false));
        assertEquals("ESMTPS", TraceHeader.protocol(true, true, false, false));
        assertEquals("ESMTPA", TraceHeader.protocol(true, false, true, false));
        assertEquals("ESMTPSA", TraceHeader.protocol(true, true, true, false));
        assertEquals("UTF8SMTPSA", TraceHeader.protocol(true, true, true, true));
    }

    @Test
    void receivedWithOneRecipient() {
        assertEquals("Received: from client.test ([192.0.2.7])\r\n"
                        + "\tby mx.test with ESMTPS id ABC-1\r\n"
                        + "\tfor <alice@example.test>;\r\n"
                        + "\tThu, 5 Mar 2026 09:07:02 +0000\r\n",
                TraceHeader.received("client.test", "192.0.2.7", "mx.test", "ESMTPS", "ABC-1",
                        Optional.of("alice@example.test"), WHEN));
    }

    @Test
    void receivedFromIpv6WithoutRecipient() {
        assertEquals("Received: from [IPv6:2001:db8::1] ([IPv6:2001:db8::1])\r\n"
                        + "\tby mx.test with SMTP id X-2;\r\n"
                        + "\tThu, 5 Mar 2026 09:07:02 +0000\r\n",
                TraceHeader.received("[IPv6:2001:db8::1]", "2001:db8::1", "mx.test", "SMTP", "X-2", Optional.empty(), WHEN));
    }
}
