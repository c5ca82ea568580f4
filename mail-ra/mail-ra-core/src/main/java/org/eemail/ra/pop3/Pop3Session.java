// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import org.eemail.ra.protocol.CommandLine;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/** The protocol state of one POP3 connection (RFC 1939), without sockets or threads. */
public final class Pop3Session implements LineSession {

    private final String hostname;

    public Pop3Session(String hostname) {
        this.hostname = hostname;
    }

    public String hostname() {
        return hostname;
    }

    @Override
    public Reply greeting() {
        return Pop3Replies.greeting(hostname);
    }

    @Override
    public Response onLine(String line) {
        CommandLine command = CommandLine.parse(line);
        return Pop3Verb.lookup(command.verb())
                .map(verb -> verb.handler().handle(this, command.argument()))
                .orElse(Response.of(Pop3Replies.UNKNOWN_COMMAND));
    }

    @Override
    public Reply lineTooLong() {
        return Pop3Replies.LINE_TOO_LONG;
    }

    @Override
    public Reply idleTimeout() {
        return Pop3Replies.IDLE_TIMEOUT;
    }

    @Override
    public Reply shuttingDown() {
        return Pop3Replies.SHUTTING_DOWN;
    }
}
