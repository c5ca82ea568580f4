// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.eemail.ra.api.AddressInfo;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.Alias;
import org.eemail.ejb.domain.InvalidAddressException;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.security.PasswordHasher;

/**
 * The questions the SMTP server asks during a session: who is this recipient, may this user log
 * in, may this user send as that address. Each runs once per RCPT or AUTH, so each is a query or
 * three, and none throws for input a client made up.
 */
@Stateless
// Reads only, at every RCPT and AUTH: a transaction of their own would cost a third of each call.
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DirectoryStore {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    /**
     * Whether mail to {@code address} is for a mailbox here, for nobody here, or for elsewhere,
     * and how much room the mailbox has left.
     */
    public AddressInfo lookup(String address) {
        return AddressResolver.resolve(em, address).info();
    }

    /**
     * The account address when {@code password} is the password of the enabled account
     * {@code username} (an address, compared case-insensitively as MailAddress normalises it).
     * An unknown or disabled user costs the same PBKDF2 work as a wrong password, so the time
     * taken does not tell which users exist.
     */
    public Optional<String> authenticate(String username, String password) {
        Optional<Account> account = parse(username).flatMap(this::account);
        String hash = account.map(Account::getPasswordHash).orElseGet(DecoyHash::value);
        // '&', not '&&': the hash is checked even for an account that cannot log in.
        boolean valid = PasswordHasher.matches(password, hash) & account.map(Account::isEnabled).orElse(false);
        return valid ? account.map(Account::getAddress) : Optional.empty();
    }

    /**
     * Whether the user authenticated as {@code identity} may use {@code sender} in MAIL FROM: their
     * own address, an alias that delivers to them, or the null sender {@code ""}.
     */
    public boolean mayUseSender(String identity, String sender) {
        if ("".equals(sender)) {
            return identity != null;
        }
        Optional<MailAddress> user = parse(identity);
        Optional<MailAddress> from = parse(sender);
        if (user.isEmpty() || from.isEmpty()) {
            return false;
        }
        if (user.equals(from)) {
            return true;
        }
        return em.createNamedQuery(Alias.FIND_TARGETS_OF, String.class)
                .setParameter("address", from.get().toString())
                .getResultList()
                .contains(user.get().toString());
    }

    private Optional<Account> account(MailAddress address) {
        return em.createNamedQuery(Account.FIND_BY_ADDRESS, Account.class)
                .setParameter("address", address.toString())
                .getResultList()
                .stream()
                .findFirst();
    }

    private static Optional<MailAddress> parse(String address) {
        try {
            return Optional.of(MailAddress.parse(address));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    /** A hash of a random password, made once, to check passwords of users who do not exist. */
    private static final class DecoyHash {

        private static final String VALUE = PasswordHasher.hash(UUID.randomUUID().toString());

        static String value() {
            return VALUE;
        }
    }
}
