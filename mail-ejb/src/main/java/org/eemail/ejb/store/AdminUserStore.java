// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eemail.ejb.domain.AdminUser;

/** Administrators of the API and console; only password hashes pass through here. */
@Stateless
public class AdminUserStore {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    public Optional<AdminUser> find(String username) {
        return em.createNamedQuery(AdminUser.FIND_BY_USERNAME, AdminUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /**
     * Commits before it returns, so that a second instance of a cluster creating the same user at
     * the same time learns here that it lost (the user name is unique), not when its caller's
     * transaction ends.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AdminUser create(String username, String passwordHash) {
        AdminUser user = new AdminUser(username, passwordHash);
        em.persist(user);
        return user;
    }
}
