// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The dispatches of accepted messages to application consumers, recorded with each message by
 * {@link MessageAcceptor}. The adapter, the only one that can call the applications' beans,
 * drives them: it claims due dispatches, copies the message, calls the consumer and reports the
 * outcome. Implemented by one message-driven bean of the mail application; each method runs in a
 * transaction of its own. Called on a worker thread of the adapter.
 */
public interface DispatchQueue {

    /**
     * Claims up to {@code max} dispatches that are due now and belong to one of {@code consumers}
     * (those active now), oldest first: each is due again only after {@code claim}, so one that
     * was claimed by an instance that died is delivered later.
     */
    List<ConsumerDispatch> claimDue(Set<String> consumers, int max, Duration claim);

    /**
     * Writes the stored message's text, as delivered to mailboxes, to {@code out}, which the
     * caller owns.
     *
     * @return false when the message no longer exists
     */
    boolean copy(long messageId, OutputStream out);

    /** The consumer's call returned and its transaction committed: the dispatch is done. */
    void succeeded(long dispatchId);

    /**
     * The consumer's call failed or rolled back: the dispatch is due again after {@code retryIn},
     * or parked when {@code park}.
     */
    void failed(long dispatchId, String error, Duration retryIn, boolean park);
}
