// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
     *
     * @throws StoreException CONFLICT when the name is taken
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AdminUser create(String username, String passwordHash) {
        if (find(username).isPresent()) {
            throw StoreException.conflict("administrator " + username + " exists");
        }
        AdminUser user = new AdminUser(username, passwordHash);
        em.persist(user);
        em.flush();
        return user;
    }

    /** Every administrator, by name. */
    public List<AdminUser> list() {
        return em.createNamedQuery(AdminUser.FIND_ALL, AdminUser.class).getResultList();
    }

    /** @throws StoreException NOT_FOUND without such an administrator */
    public void changePassword(String username, String passwordHash) {
        require(username).setPasswordHash(passwordHash);
    }

    /**
     * Refused for the last one: without an administrator nobody could log in again.
     *
     * @throws StoreException NOT_FOUND without such an administrator, CONFLICT for the last one
     */
    public void delete(String username) {
        AdminUser user = require(username);
        // Every administrator locked, so that two deletes at once cannot remove the last two.
        List<AdminUser> all = em.createNamedQuery(AdminUser.FIND_ALL, AdminUser.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (all.size() <= 1) {
            throw StoreException.conflict("administrator " + username + " is the last one: add another first");
        }
        em.remove(user);
    }

    private AdminUser require(String username) {
        return find(username).orElseThrow(() -> StoreException.notFound("no such administrator: " + username));
    }
}
