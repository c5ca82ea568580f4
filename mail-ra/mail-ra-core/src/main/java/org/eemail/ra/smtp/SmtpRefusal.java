// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

/**
 * A command argument the server refuses, carrying the reply to send. Thrown by the parsers of
 * paths and parameters so that a handler answers the first problem found; no stack trace.
 */
public final class SmtpRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    public SmtpRefusal(SmtpReply reply) {
        super(reply.wireText().strip(), null, false, false);
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
