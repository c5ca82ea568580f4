// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.Alias;
import org.eemail.ejb.domain.Domain;
import org.eemail.ejb.domain.DomainName;
import org.eemail.ejb.domain.InvalidAddressException;
import org.eemail.ejb.domain.MailAddress;

/**
 * Resolves a recipient address to the mailboxes and foreign addresses its mail goes to. Shared by
 * the RCPT check ({@link DirectoryStore}) and the store of accepted mail ({@link MessageStore}), so
 * that what RCPT accepts is what delivery does. Called by stores with their own EntityManager.
 *
 * <p>Cheap because it runs for every RCPT: an account costs one query, an alias two plus one or
 * two per target, anything else three. Every query takes single values, never a list, so
 * Hibernate translates each once and reuses it. Aliases are expanded once: their targets in local domains are accounts
 * (AliasStore allows nothing else), so no chain is followed.
 */
final class AddressResolver {

    private AddressResolver() {
    }

    /** Never throws for a bad address: an unparsable one is unknown here or foreign. */
    static Resolution resolve(EntityManager em, String given) {
        MailAddress address;
        try {
            address = MailAddress.parse(given);
        } catch (InvalidAddressException e) {
            return unparsable(em, given);
        }
        Optional<LocalTarget> account = account(em, address.toString());
        if (account.isPresent()) {
            return Resolution.local(List.of(account.get()), List.of());
        }
        List<String> targets = em.createNamedQuery(Alias.FIND_TARGETS_OF, String.class)
                .setParameter("address", address.toString())
                .getResultList();
        if (!targets.isEmpty()) {
            return expand(em, targets);
        }
        return inLocalDomain(em, address.domain(), given);
    }

    /**
     * An address MailAddress refuses (a quoted local part, say) may still be valid elsewhere, so it
     * is relayed as given unless its domain is ours. Without a domain it can go nowhere.
     */
    private static Resolution unparsable(EntityManager em, String given) {
        int at = given == null ? -1 : given.lastIndexOf('@');
        if (at < 0) {
            return Resolution.UNKNOWN_LOCAL;
        }
        String domain;
        try {
            domain = DomainName.normalize(given.substring(at + 1));
        } catch (InvalidAddressException e) {
            return Resolution.foreign(given);
        }
        return inLocalDomain(em, domain, given);
    }

    private static Resolution inLocalDomain(EntityManager em, String domain, String given) {
        return isLocalDomain(em, domain) ? Resolution.UNKNOWN_LOCAL : Resolution.foreign(given);
    }

    /**
     * Targets that are enabled accounts get the mail; the rest are relayed unless their domain is
     * ours (a disabled account, or a domain added after the alias), where nobody would receive it.
     */
    private static Resolution expand(EntityManager em, List<String> targets) {
        List<LocalTarget> locals = new ArrayList<>();
        List<String> remotes = new ArrayList<>();
        for (String target : targets) {
            Optional<LocalTarget> account = account(em, target);
            if (account.isPresent()) {
                locals.add(account.get());
            } else if (!isLocalDomain(em, domainOf(target))) {
                remotes.add(target);
            }
        }
        return Resolution.local(locals, remotes);
    }

    /** Alias targets are stored in MailAddress normal form: the domain follows the only '@'. */
    private static String domainOf(String normalized) {
        return normalized.substring(normalized.lastIndexOf('@') + 1);
    }

    private static Optional<LocalTarget> account(EntityManager em, String address) {
        return em.createNamedQuery(Account.FIND_ENABLED_WITH_USAGE, Object[].class)
                .setParameter("address", address)
                .getResultList()
                .stream()
                .findFirst()
                .map(r -> new LocalTarget((Long) r[0], (String) r[1], (Long) r[2], ((Number) r[3]).longValue()));
    }

    private static boolean isLocalDomain(EntityManager em, String name) {
        return !em.createNamedQuery(Domain.FIND_NAME, String.class)
                .setParameter("name", name)
                .getResultList()
                .isEmpty();
    }
}
