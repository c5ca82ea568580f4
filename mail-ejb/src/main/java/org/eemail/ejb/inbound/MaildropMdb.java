// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.inbound;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eemail.ejb.store.DirectoryStore;
import org.eemail.ejb.store.MaildropStore;
import org.eemail.ra.api.Maildrop;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.api.MaildropHolder;

/**
 * Serves the POP3 server's maildrops from the database. Each call runs in the container
 * transaction the adapter brackets around it; UPDATE's removals and the release of the lock commit
 * together or not at all. The logins only read, so they run without a transaction.
 */
@MessageDriven
public class MaildropMdb implements Maildrop {

    @EJB
    private DirectoryStore directory;

    @EJB
    private MaildropStore maildrops;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> authenticate(String username, String password) {
        return directory.authenticate(username, password);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> authenticateApop(String username, String timestamp, String digest) {
        return maildrops.authenticateApop(username, timestamp, digest);
    }

    @Override
    public Optional<List<MaildropEntry>> open(String account, MaildropHolder holder, Duration lease) {
        return maildrops.open(account, holder.instance(), holder.session(), lease);
    }

    @Override
    public boolean copy(String account, long uid, OutputStream out) {
        return maildrops.copy(account, uid, out);
    }

    @Override
    public Map<Long, byte[]> read(String account, List<Long> uids) {
        return maildrops.read(account, uids);
    }

    @Override
    public boolean update(String account, MaildropHolder holder, Set<Long> deleted) {
        return maildrops.update(account, holder.instance(), holder.session(), deleted);
    }

    @Override
    public void release(String account, MaildropHolder holder) {
        maildrops.release(holder.instance(), holder.session());
    }

    @Override
    public void renew(String instance, Duration lease) {
        maildrops.renew(instance, lease);
    }

    @Override
    public void releaseAll(String instance) {
        maildrops.releaseAll(instance);
    }
}
