// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/** Plays a transcript against a protocol session directly: no sockets, no threads. */
public final class InMemoryConnection implements TranscriptConnection {

    private final LineSession session;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean closed;

    public InMemoryConnection(LineSession session) {
        this.session = session;
        receive(session.greeting());
    }

    @Override
    public void send(String line) {
        if (closed) {
            throw new AssertionError("the client sent '" + line + "' after the server closed the connection");
        }
        Response response = session.onLine(line);
        receive(response.reply());
        closed = response.closes();
    }

    @Override
    public String readLine() {
        if (pending.isEmpty() && !closed) {
            throw new AssertionError("the server sent nothing and the connection is still open");
        }
        return pending.poll();
    }

    private void receive(Reply reply) {
        String wire = reply.wireText();
        if (!wire.endsWith("\r\n")) {
            throw new AssertionError("reply not ended by CRLF: " + wire);
        }
        pending.addAll(Arrays.asList(wire.substring(0, wire.length() - 2).split("\r\n", -1)));
    }
}
