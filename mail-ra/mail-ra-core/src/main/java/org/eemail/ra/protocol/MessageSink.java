// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.io.IOException;
import java.io.InputStream;

/**
 * The text of one incoming message as it arrives. Writes past the size limit are counted but not
 * kept, so the session can answer 552 at the end of the message instead of breaking the stream.
 */
public interface MessageSink {

    /** Appends message octets. */
    void write(byte[] octets, int offset, int length) throws IOException;

    /** Octets written so far, including those past the limit. */
    long size();

    /** Whether more octets were written than the limit allows. */
    boolean overLimit();

    /**
     * Whether the text contained a CR or LF that is not part of a CRLF pair (RFC 5321 §2.3.8).
     * Such a message is refused: it is how SMTP smuggling hides a second message in the first.
     */
    boolean hasBareLineEnding();

    /** Reads the kept octets from the start; valid until {@link #discard()}. */
    InputStream open() throws IOException;

    /** Frees the memory or file behind the sink. */
    void discard();
}
