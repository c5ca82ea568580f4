// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import java.util.Arrays;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.Alias;
import org.eemail.ejb.domain.Domain;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.security.PasswordHasher;

/** Domains, accounts and aliases for store tests, persisted directly to skip a hash per account. */
final class Fixtures {

    static final String PASSWORD = "correct horse";
    private static final String PASSWORD_HASH = PasswordHasher.hash(PASSWORD);

    private Fixtures() {
    }

    static void domain(EntityManager em, String name) {
        em.persist(new Domain(name));
    }

    static void account(EntityManager em, String address, long quota) {
        MailAddress parsed = MailAddress.parse(address);
        em.persist(new Account(parsed, domain(em, parsed), PASSWORD_HASH, quota));
    }

    static void alias(EntityManager em, String address, String... targets) {
        MailAddress parsed = MailAddress.parse(address);
        em.persist(new Alias(parsed, domain(em, parsed), Arrays.stream(targets).map(MailAddress::parse).toList()));
    }

    static void disable(EntityManager em, String address) {
        em.createQuery("UPDATE Account a SET a.enabled = false WHERE a.address = :address")
                .setParameter("address", address)
                .executeUpdate();
    }

    private static Domain domain(EntityManager em, MailAddress address) {
        return em.createNamedQuery(Domain.FIND_BY_NAME, Domain.class)
                .setParameter("name", address.domain())
                .getSingleResult();
    }
}
