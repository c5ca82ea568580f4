// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Recipient;
import org.junit.jupiter.api.Test;

class ReceivedOriginTest {

    private static Envelope envelope(String client, Optional<String> identity, boolean tls) {
        return new Envelope("a@sender.example", List.of(Recipient.of("b@example.test")), client, "client.test",
                identity, tls, Envelope.BodyType.SEVEN_BIT, false, Optional.empty(), Optional.empty());
    }

    @Test
    void submittedOverTlsWithAuthentication() {
        String trace = "Received: from client.test ([192.0.2.7])\r\n\tby mx.test with ESMTPSA id 1F3A;\r\n"
                + "\tTue, 1 Jul 2025 10:00:00 +0000\r\n";

        assertEquals("from client.test [192.0.2.7], TLS, authenticated as alice@example.test, with ESMTPSA id 1F3A",
                ReceivedOrigin.describe(envelope("192.0.2.7", Optional.of("alice@example.test"), true), trace));
    }

    @Test
    void fromAnotherServerInPlainText() {
        String trace = "Received: from client.test ([IPv6:2001:db8::1])\r\n\tby mx.test with ESMTP id 9\r\n"
                + "\tfor <b@example.test>;\r\n\tTue, 1 Jul 2025 10:00:00 +0000\r\n";

        assertEquals("from client.test [2001:db8::1], no TLS, not authenticated, with ESMTP id 9",
                ReceivedOrigin.describe(envelope("2001:db8::1", Optional.empty(), false), trace));
    }
}
