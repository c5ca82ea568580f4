// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import org.eemail.ra.protocol.Reply;

/**
 * A POP3 status line (RFC 1939 §3): {@code +OK} or {@code -ERR}, then the text, which may begin
 * with an RFC 2449 response code such as {@code [IN-USE]}.
 */
public record Pop3Reply(boolean ok, String text) implements Reply {

    public static Pop3Reply ok(String text) {
        return new Pop3Reply(true, text);
    }

    public static Pop3Reply err(String text) {
        return new Pop3Reply(false, text);
    }

    @Override
    public String wireText() {
        String status = ok ? "+OK" : "-ERR";
        return (text.isEmpty() ? status : status + " " + text) + "\r\n";
    }
}
