// SPDX-License-Identifier: Apache-2.0
package org.eemail.api;

/**
 * A synchronous check of incoming mail, consulted while the SMTP client waits. Implemented by an
 * application's message-driven bean; activated with the properties listed in the package
 * description (which recipients and senders it sees, its {@code priority} and its
 * {@code timeBudgetMillis}, 5000 by default).
 *
 * <p><b>Call order.</b> For each {@code RCPT TO} that the server itself accepts (the address is
 * one of its own or the client may relay), {@link #checkRecipient} of every matching policy; then,
 * once the whole text arrived (end of {@code DATA} or the last {@code BDAT}) and before the server
 * stores it, {@link #checkMessage} of every policy that matched at least one accepted recipient.
 * Matching policies run one after another, lowest {@code priority} first (then by bean name); the
 * first {@link PolicyVerdict.Kind#REJECT} or {@link PolicyVerdict.Kind#DEFER} wins and the
 * later policies are not asked.
 *
 * <p><b>Time budget and failures.</b> A call that has not returned within the budget, or that
 * throws, counts as a deferral: the client gets {@code 451 4.3.0} and may try again; the session
 * goes on. The late call is not interrupted; its result is dropped.
 *
 * <p><b>Threads and transactions.</b> Called on a worker thread of the resource adapter, never
 * the network thread; calls of different sessions run concurrently. A policy should only read:
 * the message is not stored yet, and is perhaps never stored. Give the methods
 * {@code @TransactionAttribute(NOT_SUPPORTED)} unless they read a database.
 */
public interface MailPolicy {

    /**
     * Decides on one more recipient.
     *
     * @param envelope  the transaction so far: sender, recipients accepted before this one,
     *                  client, TLS and identity
     * @param recipient the address of this {@code RCPT TO}, {@code local-part@domain}
     */
    PolicyVerdict checkRecipient(MailEnvelope envelope, String recipient);

    /**
     * Decides on the whole message, before the server stores it.
     *
     * @param envelope the envelope with every accepted recipient
     * @param message  the text as received; readable during this call only
     */
    PolicyVerdict checkMessage(MailEnvelope envelope, ReceivedMessage message);
}
