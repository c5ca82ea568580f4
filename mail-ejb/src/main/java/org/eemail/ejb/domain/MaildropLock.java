// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The lock on an account's maildrop while one POP3 session has it open (RFC 1939 §8): held by one
 * session of one server instance until {@link #getExpires()}, which that instance keeps pushing
 * back while the session lives. A lock past its expiry is free for the taking.
 */
@Entity
@Table(name = "maildrop_lock")
@NamedQuery(name = MaildropLock.RENEW,
        query = "UPDATE MaildropLock l SET l.expires = :expires WHERE l.holderInstance = :instance")
@NamedQuery(name = MaildropLock.RELEASE_ALL,
        query = "DELETE FROM MaildropLock l WHERE l.holderInstance = :instance")
public class MaildropLock {

    public static final String RENEW = "MaildropLock.renew";
    public static final String RELEASE_ALL = "MaildropLock.releaseAll";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "holder_instance", nullable = false, length = 64)
    private String holderInstance;

    @Column(name = "holder_session", nullable = false, length = 64)
    private String holderSession;

    @Column(nullable = false)
    private Instant acquired;

    @Column(nullable = false)
    private Instant expires;

    protected MaildropLock() {
    }

    public MaildropLock(long accountId, String holderInstance, String holderSession, Instant acquired, Instant expires) {
        this.accountId = accountId;
        this.holderInstance = holderInstance;
        this.holderSession = holderSession;
        this.acquired = acquired;
        this.expires = expires;
    }

    public Instant getExpires() {
        return expires;
    }

    /** Whether this session of this instance holds the lock. */
    public boolean isHeldBy(String instance, String session) {
        return holderInstance.equals(instance) && holderSession.equals(session);
    }

    /** Gives the lock to another holder, as if it had just been acquired. */
    public void takeOver(String instance, String session, Instant now, Instant until) {
        holderInstance = instance;
        holderSession = session;
        acquired = now;
        expires = until;
    }
}
