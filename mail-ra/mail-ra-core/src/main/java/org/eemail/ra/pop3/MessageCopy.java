// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.protocol.SpooledMessageSink;

/**
 * What RETR and TOP share: the backend copies the message into a fresh spool (memory for small
 * messages, a file for large ones), or RETR hands over what it read ahead, and the transport
 * sends it, dot-stuffed, after the reply.
 */
public final class MessageCopy {

    private MessageCopy() {
    }

    /**
     * @param filter what of the message goes into the spool: all of it (RETR) or its top (TOP)
     */
    public static Response send(Pop3Session session, MaildropEntry message, Reply reply,
                                UnaryOperator<OutputStream> filter) {
        MessageSink spool = session.newSpool();
        boolean found;
        try (OutputStream into = filter.apply(new SinkOutputStream(spool))) {
            found = session.backend().copy(session.account(), message.uid(), into);
        } catch (IOException e) {
            spool.discard();
            session.backendFailed("copy", new UncheckedIOException(e));
            return Response.of(Pop3Replies.TEMPORARY_FAILURE);
        } catch (RuntimeException failure) {
            spool.discard();
            session.backendFailed("copy", failure);
            return Response.of(Pop3Replies.TEMPORARY_FAILURE);
        }
        if (!found) {
            spool.discard();
            return Response.of(Pop3Replies.MESSAGE_GONE);
        }
        return Response.withText(reply, spool);
    }

    /** Sends {@code content}, which the session holds already (RETR of a message read ahead). */
    public static Response send(byte[] content, Reply reply) {
        return Response.withText(reply, SpooledMessageSink.holding(content));
    }

    /** The whole message (RETR). */
    public static UnaryOperator<OutputStream> whole() {
        return out -> out;
    }

    /** The header section and the first {@code lines} lines of the body (TOP). */
    public static UnaryOperator<OutputStream> top(long lines) {
        return out -> new TopFilter(out, lines);
    }
}
