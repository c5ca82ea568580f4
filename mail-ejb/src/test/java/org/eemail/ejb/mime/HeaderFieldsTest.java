// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeaderFieldsTest {

    @Test
    void readsFromSubjectAndDateOfTheHeaderSectionOnly() {
        HeaderFields fields = HeaderFields.of(("Received: from x\r\n\tby y\r\n"
                + "subject: =?UTF-8?Q?caf=C3=A9?=\r\n folded on\r\n"
                + "FROM: Ann <ann@example.test>\r\n"
                + "Date: Tue, 1 Jul 2025 10:00:00 +0200 (CEST)\r\n\r\n"
                + "Subject: in the body\r\n").getBytes(StandardCharsets.US_ASCII));

        assertEquals("caf\u00e9 folded on", fields.subject());
        assertEquals("Ann <ann@example.test>", fields.from());
        assertEquals(Instant.parse("2025-07-01T08:00:00Z"), fields.date());
    }

    @Test
    void rawUtf8AndAnUnreadableDate() {
        HeaderFields fields = HeaderFields.of("Subject: Gr\u00fc\u00dfe\nDate: yesterday\n\nbody"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals("Gr\u00fc\u00dfe", fields.subject());
        assertNull(fields.from());
        assertNull(fields.date());
    }

    @Test
    void aSubjectLongerThanALineIsCut() {
        HeaderFields fields = HeaderFields.of(("Subject: " + "s".repeat(5000) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertEquals(HeaderFields.MAX_VALUE, fields.subject().length());
    }
}
