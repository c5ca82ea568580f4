// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.eemail.ra.protocol.DotStuffedReader;
import org.eemail.ra.protocol.DotStuffingInputStream;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.MessageSession;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/**
 * Plays a transcript against a protocol session directly: no sockets, no threads. Does what the
 * transport does with the client's octets: splits lines (at LF, dropping a CR before it), feeds
 * message text through {@link DotStuffedReader} after {@link Response.Next#READ_DATA}, passes
 * exactly the chunk's octets after {@link Response.Next#READ_CHUNK}, sends message text that
 * follows a reply (POP3 RETR, TOP) dot-stuffed as {@link DotStuffingInputStream} does, and drops whatever was
 * pipelined after a {@link Response.Next#START_TLS} until the client starts TLS.
 */
public final class InMemoryConnection implements TranscriptConnection {

    private enum Mode { LINE, DATA, CHUNK, AWAIT_TLS, CLOSED }

    private final LineSession session;
    private final Deque<String> pending = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Mode mode = Mode.LINE;
    private DotStuffedReader reader;
    private long chunkLeft;

    public InMemoryConnection(LineSession session) {
        this.session = session;
        receive(session.greeting());
    }

    @Override
    public void send(String text) throws IOException {
        sendOctets((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendOctets(byte[] octets) throws IOException {
        if (mode == Mode.CLOSED) {
            throw new AssertionError("the client sent '" + new String(octets, StandardCharsets.UTF_8)
                    + "' after the server closed the connection");
        }
        int at = 0;
        while (at < octets.length && mode != Mode.CLOSED && mode != Mode.AWAIT_TLS) {
            at += consume(octets, at, octets.length - at);
        }
    }

    /** Consumes octets in the current mode; returns how many. */
    private int consume(byte[] octets, int offset, int length) throws IOException {
        switch (mode) {
            case DATA -> {
                int used = reader.read(octets, offset, length);
                if (reader.ended()) {
                    respond(messageSession().onDataEnd());
                }
                return used;
            }
            case CHUNK -> {
                int used = (int) Math.min(chunkLeft, length);
                messageSession().messageSink().write(octets, offset, used);
                chunkLeft -= used;
                if (chunkLeft == 0) {
                    respond(messageSession().onChunkEnd());
                }
                return used;
            }
            default -> {
                for (int i = offset; i < offset + length; i++) {
                    if (octets[i] == '\n') {
                        line.write(octets, offset, i - offset);
                        respond(session.onLine(takeLine()));
                        return i + 1 - offset;
                    }
                }
                line.write(octets, offset, length);
                return length;
            }
        }
    }

    private String takeLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void respond(Response response) throws IOException {
        if (response.reply() != null) {
            receive(response.reply());
        }
        if (response.body() != null) {
            receiveText(response.body());
        }
        switch (response.next()) {
            case CLOSE -> mode = Mode.CLOSED;
            case START_TLS -> mode = Mode.AWAIT_TLS;
            case READ_DATA -> {
                reader = new DotStuffedReader(messageSession().messageSink());
                mode = Mode.DATA;
            }
            case READ_CHUNK -> {
                chunkLeft = response.chunkSize();
                mode = Mode.CHUNK;
                if (chunkLeft == 0) {
                    respond(messageSession().onChunkEnd());
                }
            }
            default -> mode = Mode.LINE;
        }
    }

    private MessageSession messageSession() {
        if (!(session instanceof MessageSession messages)) {
            throw new AssertionError(session.getClass().getSimpleName() + " asked for message text");
        }
        return messages;
    }

    @Override
    public void startTls(String where) {
        if (mode != Mode.AWAIT_TLS) {
            throw new AssertionError(where + ": TLS, but the server did not answer STARTTLS with 220");
        }
        line.reset();
        session.tlsStarted();
        mode = Mode.LINE;
    }

    @Override
    public String readLine() {
        if (pending.isEmpty() && mode != Mode.CLOSED) {
            throw new AssertionError("the server sent nothing and the connection is still open");
        }
        return pending.poll();
    }

    private void receiveText(MessageSink text) throws IOException {
        try (DotStuffingInputStream stuffed = new DotStuffingInputStream(text.open())) {
            String wire = new String(stuffed.readAllBytes(), StandardCharsets.UTF_8);
            pending.addAll(Arrays.asList(wire.substring(0, wire.length() - 2).split("\r\n", -1)));
        } finally {
            text.discard();
        }
    }

    private void receive(Reply reply) {
        String wire = reply.wireText();
        if (!wire.endsWith("\r\n")) {
            throw new AssertionError("reply not ended by CRLF: " + wire);
        }
        pending.addAll(Arrays.asList(wire.substring(0, wire.length() - 2).split("\r\n", -1)));
    }
}
