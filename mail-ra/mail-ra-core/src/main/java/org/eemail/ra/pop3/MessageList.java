// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.api.MaildropEntry;

/**
 * The maildrop as fixed when the session entered the TRANSACTION state (RFC 1939 §5): messages
 * numbered from 1 in that order, with the deletion marks that DELE sets and RSET clears. Mail that
 * arrives later is not here; it appears in the next session.
 */
public final class MessageList {

    private final List<MaildropEntry> messages;
    private final boolean[] deleted;

    public MessageList(List<MaildropEntry> messages) {
        this.messages = List.copyOf(messages);
        this.deleted = new boolean[messages.size()];
    }

    /** How many messages are numbered, deleted ones included: the highest message number. */
    public int numbered() {
        return messages.size();
    }

    /** Messages not marked as deleted. */
    public int count() {
        int count = 0;
        for (boolean d : deleted) {
            count += d ? 0 : 1;
        }
        return count;
    }

    /** Octets of the messages not marked as deleted. */
    public long octets() {
        long octets = 0;
        for (int i = 0; i < deleted.length; i++) {
            octets += deleted[i] ? 0 : messages.get(i).size();
        }
        return octets;
    }

    /** Message {@code number} (from 1) unless it does not exist or is marked as deleted. */
    public Optional<MaildropEntry> message(int number) {
        return exists(number) && !deleted[number - 1] ? Optional.of(messages.get(number - 1)) : Optional.empty();
    }

    public boolean exists(int number) {
        return number >= 1 && number <= messages.size();
    }

    public boolean isDeleted(int number) {
        return exists(number) && deleted[number - 1];
    }

    public void delete(int number) {
        deleted[number - 1] = true;
    }

    /** RSET: no message is marked as deleted any more. */
    public void unmarkAll() {
        Arrays.fill(deleted, false);
    }

    /** The unique ids of the messages marked as deleted. */
    public Set<Long> deletedUids() {
        Set<Long> uids = new LinkedHashSet<>();
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i]) {
                uids.add(messages.get(i).uid());
            }
        }
        return uids;
    }
}
