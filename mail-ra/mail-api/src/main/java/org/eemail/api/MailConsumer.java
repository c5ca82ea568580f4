// SPDX-License-Identifier: Apache-2.0
package org.eemail.api;

/**
 * Business logic on accepted mail: orders@ creates an order, support@ opens a ticket. Implemented
 * by an application's message-driven bean; activated with the properties listed in the package
 * description, among them a required {@code consumerName} that names its dispatches durably.
 *
 * <p><b>Guarantee: at least once.</b> When the server accepts a message (the client got 250), it
 * records one dispatch for every matching consumer in the same database transaction that stores
 * the message. The adapter then calls {@link #onMail} right away and, after a crash, restart or
 * redeployment, again until one call returns normally and its transaction commits. A call that
 * throws, or whose transaction rolls back (also by {@code setRollbackOnly()}), is retried with
 * growing delays; after the configured number of attempts the dispatch is parked, listed by
 * {@code GET /api/v1/dispatches?state=PARKED} and retried on request. Because a commit can
 * succeed just before a crash that loses the record of it, a consumer may see a message twice:
 * use {@link ReceivedMessage#id()} to recognise it.
 *
 * <p><b>Order.</b> Consumers of one message are called one after another, lowest
 * {@code priority} first; different messages are delivered concurrently and in no fixed order.
 *
 * <p><b>Threads and transactions.</b> Called on a worker thread of the resource adapter inside
 * the container transaction of the method's {@code @TransactionAttribute} ({@code REQUIRED} by
 * default). Whatever the bean writes to its own datasource in that transaction commits together
 * with the success of the delivery only as far as the platform's transactions allow (one
 * datasource per transaction, see the README).
 */
public interface MailConsumer {

    /**
     * Handles one accepted message.
     *
     * @param envelope the envelope: {@link MailEnvelope#recipients()} holds only the recipients
     *                 this consumer matched
     * @param message  the stored text, with the server's {@code Return-Path} and {@code Received}
     *                 header fields first; readable during this call only
     */
    void onMail(MailEnvelope envelope, ReceivedMessage message);
}
