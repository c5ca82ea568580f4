// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import org.eemail.ejb.store.ClaimedEntry;

/**
 * What one attempt got for one recipient.
 *
 * @param code      the SMTP reply code, or {@link #NO_REPLY} when no server answered for it
 * @param reply     the reply, or why there was none, as an SMTP reply line
 * @param remoteMta the server that replied, or {@code null}
 * @param dsnOffered whether that server offered DSN, so reports on success are its business
 */
public record RecipientResult(ClaimedEntry entry, int code, String reply, String remoteMta, boolean dsnOffered) {

    public static final int NO_REPLY = -1;

    /** No server answered: tried again later (a temporary failure). */
    public static RecipientResult noReply(ClaimedEntry entry, String reason) {
        return new RecipientResult(entry, NO_REPLY, reason, null, false);
    }

    /** A failure decided here for good, such as a null MX or a mail loop: {@code reply} starts with its 5xx code. */
    public static RecipientResult permanent(ClaimedEntry entry, String reply) {
        return new RecipientResult(entry, Integer.parseInt(reply.substring(0, 3)), reply, null, false);
    }
}
