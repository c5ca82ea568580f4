// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

/**
 * A session that also receives message text (SMTP): after a {@link Response.Next#READ_DATA} or
 * {@link Response.Next#READ_CHUNK} the transport writes the octets into {@link #messageSink()} and
 * then asks the session for the reply.
 */
public interface MessageSession extends LineSession {

    /** Where the message text of the current transaction goes. */
    MessageSink messageSink();

    /** The line {@code .} ended the message text; the sink holds the text without dot-stuffing. */
    Response onDataEnd();

    /** A BDAT chunk has been read completely into the sink. */
    Response onChunkEnd();
}
