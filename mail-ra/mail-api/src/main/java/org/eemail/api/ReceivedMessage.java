// SPDX-License-Identifier: Apache-2.0
package org.eemail.api;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;

/**
 * The text of one received message (RFC 5322), as the client sent it, without SMTP's
 * dot-stuffing. Read it as a stream ({@link #open()}) or as a {@link MimeMessage}
 * ({@link #mime()}), which is parsed on first use only. Valid only during the call it is passed
 * to: the server frees the text afterwards. One thread at a time.
 */
public final class ReceivedMessage {

    /** Where the octets come from; opened again for every stream. */
    @FunctionalInterface
    public interface Source {
        /** A new stream over the text from its first octet; the caller closes it. */
        InputStream open() throws IOException;
    }

    private final String id;
    private final long size;
    private final Source source;
    private MimeMessage parsed;

    /**
     * @param id     the server's id of the message: the same for every delivery of it to every
     *               consumer, so a consumer can recognise a redelivery; for a policy, the id the
     *               message will have if it is accepted is not known yet, and this is the SMTP
     *               session's transaction id
     * @param size   the size in octets
     * @param source the octets
     */
    public ReceivedMessage(String id, long size, Source source) {
        this.id = Objects.requireNonNull(id, "id");
        this.size = size;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The server's id of the message (see the constructor). */
    public String id() {
        return id;
    }

    /** The size in octets. */
    public long size() {
        return size;
    }

    /** A new stream over the octets from the first one; the caller closes it. */
    public InputStream open() throws IOException {
        return source.open();
    }

    /**
     * The message as a MIME message, parsed from the octets on the first call; later calls return
     * the same object. Changing it changes nothing the server keeps.
     */
    public MimeMessage mime() throws MessagingException, IOException {
        if (parsed == null) {
            try (InputStream in = source.open()) {
                parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            }
        }
        return parsed;
    }
}
