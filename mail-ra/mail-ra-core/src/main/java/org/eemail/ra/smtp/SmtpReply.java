// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.List;
import org.eemail.ra.protocol.Reply;

/**
 * An SMTP reply (RFC 5321 §4.2): a three-digit code, the RFC 3463 enhanced status code (absent
 * only in the greeting, which RFC 2034 excludes), and one or more text lines.
 */
public record SmtpReply(int code, String enhanced, List<String> lines) implements Reply {

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code " + code);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
        lines = List.copyOf(lines);
    }

    public SmtpReply(int code, String enhanced, String text) {
        this(code, enhanced, List.of(text));
    }

    /** Renders {@code 250-first}, ..., {@code 250 last}, each line with the enhanced code. */
    @Override
    public String wireText() {
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            wire.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (enhanced != null) {
                wire.append(enhanced).append(' ');
            }
            wire.append(lines.get(i)).append("\r\n");
        }
        return wire.toString();
    }

    public boolean isPositive() {
        return code < 400;
    }

    /** A 5xx reply: the client must not try the same again (RFC 5321 §4.2.1). */
    public boolean isPermanentFailure() {
        return code >= 500;
    }
}
