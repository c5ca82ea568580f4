// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

/** The SMTP replies of this server, with their RFC 3463 enhanced status codes. */
public final class SmtpReplies {

    public static final SmtpReply OK = new SmtpReply(250, "2.0.0", "OK");
    public static final SmtpReply UNRECOGNIZED = new SmtpReply(500, "5.5.1", "Command unrecognized");
    public static final SmtpReply EMPTY_COMMAND = new SmtpReply(500, "5.5.2", "Syntax error: empty command");
    public static final SmtpReply LINE_TOO_LONG = new SmtpReply(500, "5.5.2", "Line too long");
    public static final SmtpReply NO_PARAMETERS_ALLOWED = new SmtpReply(501, "5.5.4", "Syntax error: no parameters allowed");

    private SmtpReplies() {
    }

    /** RFC 5321 §4.3.1: the greeting names the server; no enhanced code (RFC 2034 §3). */
    public static SmtpReply greeting(String hostname) {
        return new SmtpReply(220, null, hostname + " ESMTP");
    }

    public static SmtpReply closing(String hostname) {
        return new SmtpReply(221, "2.0.0", hostname + " Service closing transmission channel");
    }

    public static SmtpReply idleTimeout(String hostname) {
        return new SmtpReply(421, "4.4.2", hostname + " Error: timeout exceeded");
    }

    public static SmtpReply shuttingDown(String hostname) {
        return new SmtpReply(421, "4.3.2", hostname + " Service shutting down, closing transmission channel");
    }
}
