// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mailboxes as the POP3 server reads them (RFC 1939): logins, one exclusive session per
 * maildrop, a fixed list of its messages, their content, and the deletions of the UPDATE state.
 * Implemented by one message-driven bean of the mail application.
 *
 * <p>Call order for one session: {@link #authenticate} or {@link #authenticateApop}; then
 * {@link #open}; then any number of {@link #copy} and {@link #read}; then exactly one of
 * {@link #update} (QUIT) or {@link #release} (the connection ended any other way). Meanwhile the adapter calls
 * {@link #renew} for all sessions of its instance at intervals well within the lease, so a lock
 * outlives its holder by at most one lease. Called on a worker thread, never the network thread;
 * calls of one session come one after another. {@link #open}, {@link #update} and
 * {@link #release} each run in a container transaction the adapter brackets; {@link #copy} and
 * {@link #read} in one too, so the content can stream from the database.
 */
public interface Maildrop {

    /**
     * Checks a user name and password (RFC 1939 §7 USER/PASS, RFC 5034 SASL PLAIN).
     *
     * @return the account's address, or empty when the credentials are wrong or the account is
     *         disabled; the same for an unknown user, so that a client cannot tell which exist
     */
    Optional<String> authenticate(String username, String password);

    /**
     * Checks an APOP digest (RFC 1939 §7): the MD5, in lower-case hex, of {@code timestamp}
     * followed by the account's APOP secret.
     *
     * @return the account's address, or empty when the account is unknown, disabled, has no APOP
     *         secret, or the digest is wrong
     */
    Optional<String> authenticateApop(String username, String timestamp, String digest);

    /**
     * Locks the maildrop of {@code account} for {@code holder} until {@code lease} from now, and
     * lists its messages in the order POP3 numbers them (oldest first). A lock whose lease ran out
     * counts as free.
     *
     * @return the messages, or empty when another holder has the lock ({@code [IN-USE]})
     */
    Optional<List<MaildropEntry>> open(String account, MaildropHolder holder, Duration lease);

    /**
     * Writes the exact octets of message {@code uid} of {@code account}'s maildrop to {@code out},
     * which the caller owns (it is not closed); the stream is valid during this call only. When
     * {@code out} is a {@link PartialOutput}, stops reading the content as soon as it is complete.
     *
     * @return false when the message no longer exists
     */
    boolean copy(String account, long uid, OutputStream out);

    /**
     * Returns the exact octets of several messages of {@code account}'s maildrop at once, in one
     * call and one query: for a session that RETRieves small messages one after the other and
     * answers the next RETRs from what this returned. Everything returned is held in memory, so
     * the caller asks only for small messages and bounds their total; the messages are those of
     * the list {@link #open} returned, which do not change while the session holds the lock.
     *
     * @param uids the messages wanted, at most a few dozen
     * @return the content of each of {@code uids} that still exists in the maildrop, by uid, each
     *         {@link MaildropEntry#size()} octets long; a message that no longer exists is missing
     */
    Map<Long, byte[]> read(String account, List<Long> uids);

    /**
     * The UPDATE state (RFC 1939 §6), in one transaction: removes the messages {@code deleted}
     * from the maildrop, removes each stored message nothing refers to any more, and releases the
     * lock.
     *
     * @return false, with nothing removed, when {@code holder} no longer held the lock
     */
    boolean update(String account, MaildropHolder holder, Set<Long> deleted);

    /** Releases {@code holder}'s lock on the maildrop, if it still has it; removes nothing. */
    void release(String account, MaildropHolder holder);

    /** Extends the lease of every lock {@code instance} holds to {@code lease} from now. */
    void renew(String instance, Duration lease);

    /**
     * Releases every lock {@code instance} holds: the adapter is stopping, or it starts again
     * under the same name and its former run's sessions are gone.
     */
    void releaseAll(String instance);
}
