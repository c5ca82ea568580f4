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

/** The local domains. Names passed in are already in {@code DomainName} normal form. */
@Stateless
public class DomainStore {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    public Domain create(String name) {
        if (find(name).isPresent()) {
            throw StoreException.conflict("domain already exists: " + name);
        }
        Domain domain = new Domain(name);
        em.persist(domain);
        em.flush();
        return domain;
    }

    public List<Domain> list() {
        return em.createNamedQuery(Domain.FIND_ALL, Domain.class).getResultList();
    }

    public Optional<Domain> find(String name) {
        return em.createNamedQuery(Domain.FIND_BY_NAME, Domain.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /** Refused while accounts or aliases still live in the domain, so that none is orphaned. */
    public void delete(String name) {
        Domain domain = DomainLock.acquire(em, name)
                .orElseThrow(() -> StoreException.notFound("no such domain: " + name));
        long accounts = em.createNamedQuery(Account.COUNT_BY_DOMAIN, Long.class)
                .setParameter("domain", domain).getSingleResult();
        long aliases = em.createNamedQuery(Alias.COUNT_BY_DOMAIN, Long.class)
                .setParameter("domain", domain).getSingleResult();
        if (accounts + aliases > 0) {
            throw StoreException.conflict("domain " + name + " still has " + accounts + " account(s) and "
                    + aliases + " alias(es)");
        }
        em.remove(domain);
    }
}
