// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.eemail.ejb.domain.Domain;

/**
 * Locks a domain row until the transaction ends. Every change to the addresses of a domain takes
 * this lock first: it serialises the check that an address is free both as an account and as an
 * alias (two tables, which no single unique constraint covers), and it orders those changes
 * against a concurrent delete of the domain. Called by stores with their own EntityManager.
 */
final class DomainLock {

    private DomainLock() {
    }

    static Optional<Domain> acquire(EntityManager em, String name) {
        Optional<Domain> domain = em.createNamedQuery(Domain.FIND_BY_NAME, Domain.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
        domain.ifPresent(d -> em.lock(d, LockModeType.PESSIMISTIC_WRITE));
        return domain;
    }
}
