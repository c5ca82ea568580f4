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

/** A user of the administration API and console; only the password's hash is kept. */
@Entity
@Table(name = "admin_user")
@NamedQuery(name = AdminUser.FIND_BY_USERNAME, query = "SELECT u FROM AdminUser u WHERE u.username = :username")
@NamedQuery(name = AdminUser.FIND_ALL, query = "SELECT u FROM AdminUser u ORDER BY u.username")
public class AdminUser {

    public static final String FIND_BY_USERNAME = "AdminUser.findByUsername";
    public static final String FIND_ALL = "AdminUser.findAll";
    /** The longest user name. */
    public static final int MAX_USERNAME = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = MAX_USERNAME)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private Instant created;

    protected AdminUser() {
    }

    public AdminUser(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.created = Timestamps.now();
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreated() {
        return created;
    }
}
