// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

/** The POP3 replies of this server. */
public final class Pop3Replies {

    public static final Pop3Reply UNKNOWN_COMMAND = Pop3Reply.err("Unknown command");
    public static final Pop3Reply LINE_TOO_LONG = Pop3Reply.err("Line too long");
    public static final Pop3Reply NO_ARGUMENTS_ALLOWED = Pop3Reply.err("Syntax error: no arguments allowed");
    public static final Pop3Reply IDLE_TIMEOUT = Pop3Reply.err("Autologout; idle for too long");
    public static final Pop3Reply SHUTTING_DOWN = Pop3Reply.err("[SYS/TEMP] Server shutting down");

    private Pop3Replies() {
    }

    public static Pop3Reply greeting(String hostname) {
        return Pop3Reply.ok(hostname + " POP3 server ready");
    }

    public static Pop3Reply signingOff(String hostname) {
        return Pop3Reply.ok(hostname + " POP3 server signing off");
    }
}
