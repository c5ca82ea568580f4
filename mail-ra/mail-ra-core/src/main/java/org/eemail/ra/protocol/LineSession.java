// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

/**
 * The protocol side of one client connection, free of sockets and threads: the transport frames
 * the client's bytes into lines, hands each line here in arrival order, and writes what comes back.
 *
 * <p>Calls for one session never overlap. A session is not used after it answered a closing
 * {@link Response}, or after {@link #idleTimeout()} or {@link #shuttingDown()}.
 */
public interface LineSession {

    /** The reply sent as soon as the connection is open. */
    Reply greeting();

    /** Answers one command line, given without its line ending. */
    Response onLine(String line);

    /**
     * Whether answering {@code line} may block, on the backend or the database. Such lines are
     * answered on a worker thread; the others at once on the network thread, which saves two
     * thread hand-offs per command. Called just before {@link #onLine} with the same line.
     */
    default boolean mayBlock(String line) {
        return true;
    }

    /** Answers a line longer than the protocol allows; the line is discarded and the session goes on. */
    Reply lineTooLong();

    /** Sent before the server closes a connection that was idle for too long. */
    Reply idleTimeout();

    /** Sent before the server closes the connection because it is shutting down. */
    Reply shuttingDown();

    /**
     * The TLS handshake that a {@link Response.Next#START_TLS} asked for has completed: the session
     * forgets what it knew from before (RFC 3207 §4.2) and notes that the channel is encrypted.
     */
    default void tlsStarted() {
        throw new IllegalStateException(getClass().getSimpleName() + " never asks for TLS");
    }

    /** The connection has ended, in any way: release what the session holds. */
    default void closed() {
    }
}
