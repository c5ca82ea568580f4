// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.List;

/**
 * Takes each complete message that an SMTP client sent, for durable storage: into the mailboxes
 * of local recipients and the queue for the others. Implemented by one message-driven bean of the
 * mail application.
 *
 * <p>The adapter calls {@link #accept} inside a container transaction that it brackets
 * ({@code beforeDelivery}/{@code afterDelivery}): the client gets {@code 250} only when
 * {@link Verdict.Kind#ACCEPT} came back and that transaction committed. If the bean throws, or the
 * commit fails, the client gets {@code 451 4.3.0} and nothing is kept. Called on a worker thread,
 * never the network thread.
 */
public interface MessageAcceptor {

    /**
     * @param envelope    sender, recipients and how the message came in
     * @param traceHeader the {@code Received:} header field this server adds (RFC 5321 §4.4),
     *                    ending with CRLF, to be stored before the message text
     * @param content     the message text; readable during this call only
     * @param consumers   the application consumers the message goes to, lowest priority first:
     *                    one dispatch each is recorded in this same transaction; the recipients of
     *                    a route that {@linkplain ConsumerRoute#consumes() consumes} them get no
     *                    mailbox delivery
     */
    Verdict accept(Envelope envelope, String traceHeader, MessageContent content, List<ConsumerRoute> consumers);
}
