// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Counts the {@code Received:} fields of a header section, to stop mail loops (RFC 5321
 * §6.3: a message with too many trace headers is looping; Postfix's hopcount limit is 50).
 */
final class ReceivedHeaders {

    /** More than this many Received fields is a loop. */
    static final int LOOP_LIMIT = 50;

    private ReceivedHeaders() {
    }

    /** Reads at most {@code limit} octets of {@code content}, up to the end of the header section. */
    static int count(InputStream content, int limit) throws IOException {
        int count = 0;
        StringBuilder line = new StringBuilder();
        int read = 0;
        int b;
        while (read < limit && (b = content.read()) >= 0) {
            read++;
            if (b == '\n') {
                if (line.length() <= 1) {
                    return count;
                }
                if (line.length() >= 9 && line.substring(0, 9).equalsIgnoreCase("received:")) {
                    count++;
                }
                line.setLength(0);
            } else if (line.length() < 16) {
                line.append(new String(new byte[] {(byte) b}, StandardCharsets.ISO_8859_1));
            }
        }
        return count;
    }
}
