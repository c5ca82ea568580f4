// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An address in a local domain that forwards to one or more targets: local accounts or addresses
 * elsewhere. The targets are few and always needed together, hence eager.
 */
@Entity
@Table(name = "mail_alias")
@NamedQuery(name = Alias.FIND_BY_ADDRESS, query = "SELECT a FROM Alias a WHERE a.address = :address")
@NamedQuery(name = Alias.FIND_ALL, query = "SELECT a FROM Alias a ORDER BY a.address")
@NamedQuery(name = Alias.FIND_BY_TARGET,
        query = "SELECT a.address FROM Alias a JOIN a.targets t WHERE t = :target ORDER BY a.address")
@NamedQuery(name = Alias.FIND_TARGETS_OF,
        query = "SELECT t FROM Alias a JOIN a.targets t WHERE a.address = :address")
@NamedQuery(name = Alias.COUNT_BY_DOMAIN, query = "SELECT COUNT(a) FROM Alias a WHERE a.domain = :domain")
public class Alias {

    public static final String FIND_BY_ADDRESS = "Alias.findByAddress";
    public static final String FIND_ALL = "Alias.findAll";
    public static final String FIND_BY_TARGET = "Alias.findByTarget";
    public static final String COUNT_BY_DOMAIN = "Alias.countByDomain";
    /** The targets of the alias {@code :address}, without loading the alias: one query per RCPT. */
    public static final String FIND_TARGETS_OF = "Alias.findTargetsOf";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = MailAddress.MAX_ADDRESS)
    private String address;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mail_alias_target", joinColumns = @JoinColumn(name = "alias_id"))
    @Column(name = "target", nullable = false, length = MailAddress.MAX_ADDRESS)
    @OrderBy
    private List<String> targets = new ArrayList<>();

    @Column(nullable = false)
    private Instant created;

    protected Alias() {
    }

    public Alias(MailAddress address, Domain domain, List<MailAddress> targets) {
        this.address = address.toString();
        this.domain = domain;
        targets.forEach(t -> this.targets.add(t.toString()));
        this.created = Timestamps.now();
    }

    public String getAddress() {
        return address;
    }

    public Domain getDomain() {
        return domain;
    }

    public List<String> getTargets() {
        return List.copyOf(targets);
    }

    public Instant getCreated() {
        return created;
    }
}
