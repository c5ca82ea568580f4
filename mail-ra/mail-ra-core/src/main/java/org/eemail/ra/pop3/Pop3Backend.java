// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.api.MaildropEntry;

/**
 * What a POP3 session asks of the rest of the server: logins, the maildrop's lock and messages,
 * and the deletions of the UPDATE state. The adapter implements it by calling a bean
 * ({@link org.eemail.ra.api.Maildrop}), naming the lock's holder by this server instance and
 * {@code session}. Every method may block: the session is always called off the network thread.
 * A method that throws makes the session answer {@code -ERR [SYS/TEMP]} and go on.
 */
public interface Pop3Backend {

    /** The account's address when the credentials are right; empty otherwise. */
    Optional<String> authenticate(String username, String password);

    /** The account's address when {@code digest} is right for {@code timestamp} (APOP); empty otherwise. */
    Optional<String> authenticateApop(String username, String timestamp, String digest);

    /** Locks {@code account}'s maildrop for {@code session} and lists it; empty when it is in use. */
    Optional<List<MaildropEntry>> open(String account, String session);

    /**
     * Writes message {@code uid} to {@code out}; false when it no longer exists. Stops early once
     * {@code out} is a complete {@link org.eemail.ra.api.PartialOutput} (TOP).
     */
    boolean copy(String account, long uid, OutputStream out);

    /**
     * The content of those of {@code uids} that still exist, by uid, in one call: the session
     * reads small messages ahead ({@link ReadAhead}) and keeps them in memory until the client
     * RETRieves them.
     */
    Map<Long, byte[]> read(String account, List<Long> uids);

    /** Removes {@code deleted} and releases the lock; false when the lock was lost and nothing was removed. */
    boolean update(String account, String session, Set<Long> deleted);

    /** Releases the lock, removing nothing. */
    void release(String account, String session);
}
