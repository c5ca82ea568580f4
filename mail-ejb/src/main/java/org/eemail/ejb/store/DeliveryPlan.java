// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.eemail.ra.api.AddressInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eemail.ejb.store.IncomingMessage.Recipient;

/**
 * The mailboxes and foreign addresses one message goes to, gathered recipient by recipient. Each
 * account gets the message once, however it is reached (directly, through aliases, or named
 * twice), and so does each foreign address: a mailbox row or a queue entry per destination, not
 * per RCPT.
 */
final class DeliveryPlan {

    private final Map<Long, LocalTarget> mailboxes = new LinkedHashMap<>();
    private final Map<String, Recipient> queue = new LinkedHashMap<>();

    /**
     * Adds where mail to {@code recipient} goes. Alias targets elsewhere inherit the recipient's
     * NOTIFY and ORCPT, which name what the sender asked for; the first RCPT of an address wins.
     *
     * @throws StoreException INVALID when nobody here receives mail at a local address, which RCPT
     *                        accepted but has gone (an account deleted or disabled since)
     */
    void add(Recipient recipient, Resolution resolution) {
        if (resolution.kind() == AddressInfo.Kind.UNKNOWN_LOCAL) {
            throw StoreException.invalid("no such local recipient: " + recipient.address());
        }
        for (LocalTarget local : resolution.locals()) {
            mailboxes.putIfAbsent(local.accountId(), local);
        }
        for (String remote : resolution.remotes()) {
            queue.putIfAbsent(remote,
                    new Recipient(remote, recipient.dsnNotify(), recipient.originalRecipient()));
        }
    }

    Collection<LocalTarget> mailboxes() {
        return mailboxes.values();
    }

    /** One recipient per foreign address, with the DSN parameters its queue entry keeps. */
    Collection<Recipient> queue() {
        return queue.values();
    }
}
