// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.Alias;
import org.eemail.ejb.domain.Domain;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.security.ApopKey;
import org.eemail.ejb.security.PasswordHasher;

/** Local accounts. Passwords arrive in clear and leave this class only as hashes. */
@Stateless
public class AccountStore {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    /**
     * Creates the account.
     *
     * @param quota the mailbox limit in bytes, 0 for none
     * @throws StoreException INVALID when the domain is not local, CONFLICT when the address is
     *                        taken by an account or an alias
     */
    public Account create(MailAddress address, String password, long quota) {
        Domain domain = DomainLock.acquire(em, address.domain())
                .orElseThrow(() -> StoreException.invalid("unknown domain: " + address.domain()));
        if (find(address).isPresent() || isAlias(address)) {
            throw StoreException.conflict("address already in use: " + address);
        }
        Account account = new Account(address, domain, PasswordHasher.hash(password), quota);
        em.persist(account);
        em.flush();
        return account;
    }

    /**
     * All accounts, or those of one domain when {@code domain} is given.
     *
     * @throws StoreException NOT_FOUND when the domain is not local: an empty list would hide a typo
     */
    public List<Account> list(Optional<String> domain) {
        if (domain.isEmpty()) {
            return em.createNamedQuery(Account.FIND_ALL, Account.class).getResultList();
        }
        boolean local = !em.createNamedQuery(Domain.FIND_BY_NAME, Domain.class).setParameter("name", domain.get())
                .setMaxResults(1).getResultList().isEmpty();
        if (!local) {
            throw StoreException.notFound("no such domain: " + domain.get());
        }
        return em.createNamedQuery(Account.FIND_BY_DOMAIN, Account.class).setParameter("domain", domain.get())
                .getResultList();
    }

    public Optional<Account> find(MailAddress address) {
        return em.createNamedQuery(Account.FIND_BY_ADDRESS, Account.class)
                .setParameter("address", address.toString())
                .getResultStream()
                .findFirst();
    }

    /** Refused while an alias forwards to the account, so that no alias points nowhere. */
    public void delete(MailAddress address) {
        DomainLock.acquire(em, address.domain());
        Account account = require(address);
        List<String> aliases = em.createNamedQuery(Alias.FIND_BY_TARGET, String.class)
                .setParameter("target", address.toString())
                .getResultList();
        if (!aliases.isEmpty()) {
            throw StoreException.conflict("account " + address + " is a target of " + String.join(", ", aliases));
        }
        em.remove(account);
    }

    public void changePassword(MailAddress address, String password) {
        require(address).setPasswordHash(PasswordHasher.hash(password));
    }

    /**
     * Sets the account's APOP secret (RFC 1939 §7, legacy), kept encrypted; {@code null} removes
     * it, and with it the account's use of APOP.
     */
    public void changeApopSecret(MailAddress address, String secret) {
        require(address).setApopSecret(secret == null ? null : ApopKey.secrets().encrypt(secret));
    }

    /** Switches the account on or off; a disabled account keeps its mail. */
    public void changeEnabled(MailAddress address, boolean enabled) {
        require(address).setEnabled(enabled);
    }

    /** Octets in the mailbox of each account that has mail, by account id; one query for a whole list. */
    public Map<Long, Long> usage() {
        Map<Long, Long> usage = new HashMap<>();
        for (Object[] row : em.createNamedQuery(MailboxMessage.USAGE_BY_ACCOUNT, Object[].class).getResultList()) {
            usage.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return usage;
    }

    /** Octets in one account's mailbox. */
    public long usage(MailAddress address) {
        return em.createQuery("SELECT COALESCE(SUM(m.size), 0L) FROM MailboxMessage m WHERE m.account.address = :address",
                Long.class).setParameter("address", address.toString()).getSingleResult();
    }

    /** @param quota the mailbox limit in bytes, 0 for none; mail already stored stays */
    public void changeQuota(MailAddress address, long quota) {
        require(address).setQuota(quota);
    }

    private Account require(MailAddress address) {
        return find(address).orElseThrow(() -> StoreException.notFound("no such account: " + address));
    }

    private boolean isAlias(MailAddress address) {
        return !em.createNamedQuery(Alias.FIND_BY_ADDRESS, Alias.class)
                .setParameter("address", address.toString())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
