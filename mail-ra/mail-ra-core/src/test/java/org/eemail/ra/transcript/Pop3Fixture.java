// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

import java.util.List;

/**
 * The mail of the POP3 transcripts' fixture ({@code transcripts/README.txt}), shared by the
 * in-memory backend and the integration tests that send it to the deployed server by SMTP.
 */
public final class Pop3Fixture {

    /** What carol@example.test receives, in this order, without the trace fields. */
    public static final List<String> CAROL_MESSAGES = List.of(
            "Subject: first\r\n\r\nHello Carol.\r\n",
            "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nlast line\r\n",
            "Subject: third\r\nX-Order: 3\r\n\r\nline 1\r\nline 2\r\nline 3\r\n");

    private Pop3Fixture() {
    }
}
