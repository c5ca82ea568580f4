// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

import java.io.IOException;

/** The client end of a conversation a {@link Transcript} plays: in memory or over a socket. */
public interface TranscriptConnection {

    /** Sends one line; the connection adds CRLF. */
    void send(String line) throws IOException;

    /** The next line the server sent, without CRLF, or {@code null} once the server closed. */
    String readLine() throws IOException;
}
