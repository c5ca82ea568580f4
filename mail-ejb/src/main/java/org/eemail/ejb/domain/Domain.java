// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A domain this server accepts mail for; its name is in {@link DomainName} normal form. */
@Entity
@Table(name = "mail_domain")
@NamedQuery(name = Domain.FIND_BY_NAME, query = "SELECT d FROM Domain d WHERE d.name = :name")
@NamedQuery(name = Domain.FIND_ALL, query = "SELECT d FROM Domain d ORDER BY d.name")
@NamedQuery(name = Domain.FIND_NAME, query = "SELECT d.name FROM Domain d WHERE d.name = :name")
public class Domain {

    public static final String FIND_BY_NAME = "Domain.findByName";
    public static final String FIND_ALL = "Domain.findAll";
    /** The name {@code :name} when it is a local domain; a lighter query than loading the entity. */
    public static final String FIND_NAME = "Domain.findName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = DomainName.MAX_LENGTH)
    private String name;

    @Column(nullable = false)
    private Instant created;

    protected Domain() {
    }

    public Domain(String name) {
        this.name = name;
        this.created = Timestamps.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreated() {
        return created;
    }
}
