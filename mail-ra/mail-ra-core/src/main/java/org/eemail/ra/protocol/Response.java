// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * What a session answers to one client line or message, and what the transport reads next.
 *
 * @param reply     the reply to send, or {@code null} when there is nothing to send yet (BDAT: the
 *                  reply follows the chunk)
 * @param next      what the transport does after sending the reply
 * @param chunkSize for {@link Next#READ_CHUNK}: how many octets to read; otherwise 0
 * @param delay     how long the transport waits before sending the reply (after a failed login)
 * @param body      message text sent after the reply (POP3 RETR and TOP, RFC 1939 §3), or
 *                  {@code null}: the transport sends it dot-stuffed and ended by the line
 *                  {@code .} (see {@link DotStuffingInputStream}), then discards it
 */
public record Response(Reply reply, Next next, long chunkSize, Duration delay, MessageSink body) {

    /** What the transport does after a reply. */
    public enum Next {
        /** Read the next command line. */
        READ_LINE,
        /** Close the connection once the reply is sent. */
        CLOSE,
        /**
         * Start TLS once the reply is sent, discarding anything the client sent before the
         * handshake (RFC 3207 §4.2, CVE-2011-0411), then call {@link LineSession#tlsStarted()}.
         */
        START_TLS,
        /**
         * Read message text up to the line {@code .} (RFC 5321 §4.1.1.4) into
         * {@link MessageSession#messageSink()}, undoing dot-stuffing, then call
         * {@link MessageSession#onDataEnd()}.
         */
        READ_DATA,
        /**
         * Read exactly {@link #chunkSize} octets (RFC 3030 BDAT) into
         * {@link MessageSession#messageSink()}, then call {@link MessageSession#onChunkEnd()}.
         */
        READ_CHUNK
    }

    public Response {
        if (reply == null && next != Next.READ_CHUNK) {
            throw new IllegalArgumentException("only a chunk may be read before replying");
        }
        if (chunkSize < 0 || (chunkSize > 0 && next != Next.READ_CHUNK)) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " with " + next);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay " + delay);
        }
        if (body != null && (reply == null || next != Next.READ_LINE)) {
            throw new IllegalArgumentException("message text follows a reply, and then a line is read");
        }
    }

    public Response(Reply reply, Next next, long chunkSize, Duration delay) {
        this(reply, next, chunkSize, delay, null);
    }

    /** The same response, sent after {@code wait}. */
    public Response delayed(Duration wait) {
        return new Response(reply, next, chunkSize, wait, body);
    }

    /** The reply, and the session goes on reading lines. */
    public static Response of(Reply reply) {
        return new Response(reply, Next.READ_LINE, 0, Duration.ZERO);
    }

    /**
     * The reply, then {@code text} as the rest of a multi-line response (RETR, TOP); the transport
     * discards {@code text} once it is sent, or when the connection ends first.
     */
    public static Response withText(Reply reply, MessageSink text) {
        return new Response(reply, Next.READ_LINE, 0, Duration.ZERO, Objects.requireNonNull(text, "text"));
    }

    /** The reply, then the connection closes. */
    public static Response closing(Reply reply) {
        return new Response(reply, Next.CLOSE, 0, Duration.ZERO);
    }

    /** The reply (220 / +OK), then the TLS handshake. */
    public static Response startTls(Reply reply) {
        return new Response(reply, Next.START_TLS, 0, Duration.ZERO);
    }

    /** The reply (354), then the message text. */
    public static Response readData(Reply reply) {
        return new Response(reply, Next.READ_DATA, 0, Duration.ZERO);
    }

    /** No reply yet: read a BDAT chunk of {@code size} octets first. */
    public static Response readChunk(long size) {
        return new Response(null, Next.READ_CHUNK, size, Duration.ZERO);
    }

    public boolean closes() {
        return next == Next.CLOSE;
    }
}
