// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * <p>Cheap because it runs for every RCPT: an account costs one query, an alias two or three,
 * anything else three. Aliases are expanded once: their targets in local domains are accounts
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
        List<LocalTarget> account = accounts(em, List.of(address.toString()));
        if (!account.isEmpty()) {
            return Resolution.local(account, List.of());
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
        return localDomains(em, Set.of(domain)).isEmpty() ? Resolution.foreign(given) : Resolution.UNKNOWN_LOCAL;
    }

    /**
     * Targets that are enabled accounts get the mail; the rest are relayed unless their domain is
     * ours (a disabled account, or a domain added after the alias), where nobody would receive it.
     */
    private static Resolution expand(EntityManager em, List<String> targets) {
        List<LocalTarget> locals = accounts(em, targets);
        Set<String> found = locals.stream().map(LocalTarget::address).collect(Collectors.toSet());
        List<String> others = targets.stream().filter(t -> !found.contains(t)).toList();
        if (others.isEmpty()) {
            return Resolution.local(locals, List.of());
        }
        Set<String> ours = localDomains(em,
                others.stream().map(AddressResolver::domainOf).collect(Collectors.toSet()));
        List<String> remotes = new ArrayList<>();
        for (String other : others) {
            if (!ours.contains(domainOf(other))) {
                remotes.add(other);
            }
        }
        return Resolution.local(locals, remotes);
    }

    /** Alias targets are stored in MailAddress normal form: the domain follows the only '@'. */
    private static String domainOf(String normalized) {
        return normalized.substring(normalized.lastIndexOf('@') + 1);
    }

    private static List<LocalTarget> accounts(EntityManager em, List<String> addresses) {
        List<Object[]> rows = em.createNamedQuery(Account.FIND_ENABLED_WITH_USAGE, Object[].class)
                .setParameter("addresses", addresses)
                .getResultList();
        return rows.stream()
                .map(r -> new LocalTarget((Long) r[0], (String) r[1], (Long) r[2], ((Number) r[3]).longValue()))
                .toList();
    }

    private static Set<String> localDomains(EntityManager em, Set<String> names) {
        return Set.copyOf(em.createNamedQuery(Domain.FIND_NAMES_IN, String.class)
                .setParameter("names", names)
                .getResultList());
    }
}
