// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eemail.ra.api.PartialOutput;

/**
 * Passes on what TOP sends of a message (RFC 1939 §7): the header section, the empty line that
 * ends it, and then at most {@code bodyLines} lines of the body; drops the rest. Lines end at CRLF.
 * Once those lines have passed it is {@linkplain #complete() complete}, and the store stops reading.
 */
final class TopFilter extends FilterOutputStream implements PartialOutput {

    private long bodyLinesLeft;
    private boolean inBody;
    private boolean lineEmpty = true;
    private boolean lastWasCr;

    TopFilter(OutputStream out, long bodyLines) {
        super(out);
        this.bodyLinesLeft = bodyLines;
    }

    @Override
    public void write(int b) throws IOException {
        if (!complete()) {
            track((byte) b);
            out.write(b);
        }
    }

    @Override
    public void write(byte[] octets, int offset, int length) throws IOException {
        int end = offset + length;
        int from = offset;
        for (int i = offset; i < end && !complete(); i++) {
            track(octets[i]);
            from = i + 1;
        }
        out.write(octets, offset, from - offset);
    }

    @Override
    public boolean complete() {
        return inBody && bodyLinesLeft == 0;
    }

    /** Follows the line structure for one octet that is passed on. */
    private void track(byte b) {
        if (lastWasCr && b == '\n') {
            if (inBody) {
                bodyLinesLeft--;
            } else if (lineEmpty) {
                inBody = true;
            }
            lineEmpty = true;
        } else if (b != '\r') {
            lineEmpty = false;
        }
        lastWasCr = b == '\r';
    }
}
