// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.List;
import org.eemail.ra.protocol.Reply;

/**
 * A multi-line {@code +OK} response (RFC 1939 §3) whose lines the server makes itself (CAPA, LIST,
 * UIDL): the status line, each line dot-stuffed, then the line {@code .}. Message text (RETR,
 * TOP) is not built this way but streamed by the transport.
 */
public record Pop3MultiLineReply(String text, List<String> lines) implements Reply {

    public Pop3MultiLineReply {
        lines = List.copyOf(lines);
    }

    @Override
    public String wireText() {
        StringBuilder wire = new StringBuilder(32 + lines.size() * 16).append("+OK ").append(text).append("\r\n");
        for (String line : lines) {
            if (line.startsWith(".")) {
                wire.append('.');
            }
            wire.append(line).append("\r\n");
        }
        return wire.append(".\r\n").toString();
    }
}
