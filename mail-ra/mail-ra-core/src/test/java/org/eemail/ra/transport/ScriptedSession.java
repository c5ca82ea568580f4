// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eemail.ra.protocol.MessageSession;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.protocol.SpooledMessageSink;

/**
 * A message session with canned answers, for testing the transport's framing without the SMTP
 * protocol: {@code DATA}, {@code BDAT n [LAST]} and {@code STARTTLS} switch modes, {@code SLOW} is
 * answered after a second; any other line
 * is echoed with 250; the end of a message is answered with its size and text.
 */
final class ScriptedSession implements MessageSession {

    private final Path spool;
    private MessageSink sink;
    private boolean lastChunk;
    boolean closed;
    int delivered;

    ScriptedSession(Path spool) {
        this.spool = spool;
    }

    private static Reply reply(String text) {
        return () -> text + "\r\n";
    }

    @Override
    public Reply greeting() {
        return reply("220 scripted");
    }

    @Override
    public Response onLine(String line) {
        if (line.equals("DATA")) {
            sink = new SpooledMessageSink(1 << 20, 1 << 16, spool);
            return Response.readData(reply("354 go ahead"));
        }
        if (line.startsWith("BDAT ")) {
            String[] words = line.split(" ");
            if (sink == null) {
                sink = new SpooledMessageSink(1 << 20, 1 << 16, spool);
            }
            lastChunk = words.length > 2;
            return Response.readChunk(Long.parseLong(words[1]));
        }
        if (line.equals("SLOW")) {
            return Response.of(reply("535 slow")).delayed(java.time.Duration.ofSeconds(1));
        }
        if (line.equals("STARTTLS")) {
            return Response.startTls(reply("220 ready"));
        }
        return Response.of(reply("250 " + line));
    }

    /** Lines starting with QUICK say they never block; all others go to the worker. */
    @Override
    public boolean mayBlock(String line) {
        return !line.startsWith("QUICK");
    }

    @Override
    public MessageSink messageSink() {
        return sink;
    }

    @Override
    public Response onDataEnd() {
        return Response.of(received());
    }

    @Override
    public Response onChunkEnd() {
        return Response.of(lastChunk ? received() : reply("250 chunk " + sink.size()));
    }

    private Reply received() {
        try {
            String text = new String(sink.open().readAllBytes(), StandardCharsets.ISO_8859_1);
            delivered++;
            return reply("250 received " + sink.size() + " octets: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sink.discard();
            sink = null;
        }
    }

    @Override
    public Reply lineTooLong() {
        return reply("500 too long");
    }

    @Override
    public Reply idleTimeout() {
        return reply("421 idle");
    }

    @Override
    public Reply shuttingDown() {
        return reply("421 bye");
    }

    @Override
    public void tlsStarted() {
    }

    @Override
    public void closed() {
        closed = true;
        if (sink != null) {
            sink.discard();
        }
    }
}
