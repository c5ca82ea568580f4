// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

import java.io.IOException;

/** The client end of a conversation a {@link Transcript} plays: in memory or over a socket. */
public interface TranscriptConnection {

    /** Sends one line; the connection adds CRLF. */
    void send(String line) throws IOException;

    /** Sends octets as they are: message text, a BDAT chunk, or pipelined commands. */
    void sendOctets(byte[] octets) throws IOException;

    /**
     * Starts TLS after the server's 220 to STARTTLS.
     *
     * @param where the transcript file and line, for the failure message
     */
    void startTls(String where) throws IOException;

    /** The next line the server sent, without CRLF, or {@code null} once the server closed. */
    String readLine() throws IOException;
}
