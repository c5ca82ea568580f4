// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import org.eemail.ra.protocol.CommandLine;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/** The protocol state of one SMTP connection (RFC 5321), without sockets or threads. */
public final class SmtpSession implements LineSession {

    private final String hostname;

    public SmtpSession(String hostname) {
        this.hostname = hostname;
    }

    public String hostname() {
        return hostname;
    }

    @Override
    public Reply greeting() {
        return SmtpReplies.greeting(hostname);
    }

    @Override
    public Response onLine(String line) {
        if (line.isBlank()) {
            return Response.of(SmtpReplies.EMPTY_COMMAND);
        }
        CommandLine command = CommandLine.parse(line);
        return SmtpVerb.lookup(command.verb())
                .map(verb -> verb.handler().handle(this, command.argument()))
                .orElse(Response.of(SmtpReplies.UNRECOGNIZED));
    }

    @Override
    public Reply lineTooLong() {
        return SmtpReplies.LINE_TOO_LONG;
    }

    @Override
    public Reply idleTimeout() {
        return SmtpReplies.idleTimeout(hostname);
    }

    @Override
    public Reply shuttingDown() {
        return SmtpReplies.shuttingDown(hostname);
    }
}
