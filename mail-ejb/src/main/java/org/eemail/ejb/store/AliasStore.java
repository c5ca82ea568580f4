// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.Alias;
import org.eemail.ejb.domain.Domain;
import org.eemail.ejb.domain.MailAddress;

/** Aliases: local addresses that forward to accounts here or to addresses elsewhere. */
@Stateless
public class AliasStore {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    /**
     * Creates the alias.
     *
     * @throws StoreException INVALID when the alias's domain is not local or a target in a local
     *                        domain is not an existing account; CONFLICT when the address is taken
     */
    public Alias create(MailAddress address, List<MailAddress> targets) {
        Domain domain = DomainLock.acquire(em, address.domain())
                .orElseThrow(() -> StoreException.invalid("unknown domain: " + address.domain()));
        if (find(address).isPresent() || account(address).isPresent()) {
            throw StoreException.conflict("address already in use: " + address);
        }
        for (MailAddress target : targets) {
            checkTarget(target);
        }
        Alias alias = new Alias(address, domain, targets);
        em.persist(alias);
        em.flush();
        return alias;
    }

    /**
     * A target in a domain of ours must be an account, or mail to it would bounce; chains of
     * aliases are not followed, so an alias is not a valid target either.
     */
    private void checkTarget(MailAddress target) {
        boolean local = !em.createNamedQuery(Domain.FIND_BY_NAME, Domain.class)
                .setParameter("name", target.domain())
                .getResultList()
                .isEmpty();
        if (local && account(target).isEmpty()) {
            throw StoreException.invalid("target is in a local domain but is not an account: " + target);
        }
    }

    public List<Alias> list() {
        return em.createNamedQuery(Alias.FIND_ALL, Alias.class).getResultList();
    }

    public Optional<Alias> find(MailAddress address) {
        return em.createNamedQuery(Alias.FIND_BY_ADDRESS, Alias.class)
                .setParameter("address", address.toString())
                .getResultStream()
                .findFirst();
    }

    public void delete(MailAddress address) {
        DomainLock.acquire(em, address.domain());
        em.remove(find(address).orElseThrow(() -> StoreException.notFound("no such alias: " + address)));
    }

    private Optional<Account> account(MailAddress address) {
        return em.createNamedQuery(Account.FIND_BY_ADDRESS, Account.class)
                .setParameter("address", address.toString())
                .getResultStream()
                .findFirst();
    }
}
