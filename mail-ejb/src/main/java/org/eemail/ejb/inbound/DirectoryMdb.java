// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.inbound;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import org.eemail.ejb.store.DirectoryStore;
import org.eemail.ra.api.AddressInfo;
import org.eemail.ra.api.MailDirectory;

/**
 * Answers the SMTP server's questions about addresses and logins while a client waits, from the
 * accounts and aliases in the database. Read-only, so no transaction.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DirectoryMdb implements MailDirectory {

    @EJB
    private DirectoryStore directory;

    @Override
    public AddressInfo lookup(String address) {
        return directory.lookup(address);
    }

    @Override
    public Optional<String> authenticate(String username, String password) {
        return directory.authenticate(username, password);
    }

    @Override
    public boolean mayUseSender(String identity, String sender) {
        return directory.mayUseSender(identity, sender);
    }
}
