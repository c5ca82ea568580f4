// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local mailbox: an address in a local domain that can log in and receive mail. */
@Entity
@Table(name = "mail_account")
@NamedQuery(name = Account.FIND_BY_ADDRESS, query = "SELECT a FROM Account a WHERE a.address = :address")
@NamedQuery(name = Account.FIND_ALL, query = "SELECT a FROM Account a ORDER BY a.address")
@NamedQuery(name = Account.FIND_BY_DOMAIN,
        query = "SELECT a FROM Account a WHERE a.domain.name = :domain ORDER BY a.address")
@NamedQuery(name = Account.COUNT_BY_DOMAIN, query = "SELECT COUNT(a) FROM Account a WHERE a.domain = :domain")
@NamedQuery(name = Account.FIND_ENABLED_WITH_USAGE,
        query = "SELECT a.id, a.address, a.quota, CASE WHEN a.quota = 0 THEN 0L ELSE"
                + " (SELECT COALESCE(SUM(m.size), 0L) FROM MailboxMessage m WHERE m.account = a) END"
                + " FROM Account a WHERE a.address = :address AND a.enabled = true")
public class Account {

    public static final String FIND_BY_ADDRESS = "Account.findByAddress";
    public static final String FIND_ALL = "Account.findAll";
    public static final String FIND_BY_DOMAIN = "Account.findByDomain";
    public static final String COUNT_BY_DOMAIN = "Account.countByDomain";
    /**
     * Id, address, quota and bytes in the mailbox of the enabled account {@code :address}, if any.
     * One query per RCPT; unlimited mailboxes are not summed at all. One address, not a list: with
     * a collection parameter Hibernate translates the query again at every execution, which was
     * a third of the server's CPU time under load.
     */
    public static final String FIND_ENABLED_WITH_USAGE = "Account.findEnabledWithUsage";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = MailAddress.MAX_ADDRESS)
    private String address;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** The mailbox size limit in bytes; 0 means unlimited. */
    @Column(nullable = false)
    private long quota;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private Instant created;

    /** The APOP secret, encrypted by {@code ApopSecrets}; {@code null} when the account has none. */
    @Column(name = "apop_secret")
    private String apopSecret;

    protected Account() {
    }

    public Account(MailAddress address, Domain domain, String passwordHash, long quota) {
        this.address = address.toString();
        this.domain = domain;
        this.passwordHash = passwordHash;
        this.quota = quota;
        this.enabled = true;
        this.created = Timestamps.now();
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public long getQuota() {
        return quota;
    }

    public void setQuota(long quota) {
        this.quota = quota;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** A disabled account cannot log in (SMTP AUTH, POP3) and receives no mail: RCPT to it gets 550. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getApopSecret() {
        return apopSecret;
    }

    public void setApopSecret(String encryptedSecret) {
        this.apopSecret = encryptedSecret;
    }

    public Instant getCreated() {
        return created;
    }
}
