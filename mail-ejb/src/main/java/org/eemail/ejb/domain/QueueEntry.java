// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One foreign recipient of a stored message and how its delivery stands. The queue lives in the
 * database because Payara Micro forgets persistent timers on restart (platform.md); the version
 * lets concurrent queue runners claim an entry without locks.
 */
@Entity
@Table(name = "queue_entry")
public class QueueEntry {

    /** RFC 3461 §4.2: the longest NOTIFY value is "SUCCESS,FAILURE,DELAY". */
    public static final int MAX_NOTIFY = 32;
    /** ORCPT as given: an address type, a semicolon and an xtext-encoded address. */
    public static final int MAX_ORIGINAL_RECIPIENT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "stored_message_id")
    private StoredMessage storedMessage;

    /** The address as the client gave it: foreign local parts are case-sensitive (RFC 5321 §2.4). */
    @Column(nullable = false, length = MailAddress.MAX_ADDRESS)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RecipientStatus state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt", nullable = false)
    private Instant nextAttempt;

    @Column(name = "last_reply", length = 2000)
    private String lastReply;

    @Column(nullable = false)
    private Instant created;

    @Column(name = "dsn_notify", length = MAX_NOTIFY)
    private String notify;

    @Column(name = "dsn_orcpt", length = MAX_ORIGINAL_RECIPIENT)
    private String originalRecipient;

    @Version
    @Column(nullable = false)
    private long version;

    protected QueueEntry() {
    }

    /**
     * A new entry, due at once.
     *
     * @param notify            NOTIFY as given at RCPT, or {@code null}
     * @param originalRecipient ORCPT as given at RCPT, or {@code null}
     */
    /**
     * @param storedMessage the message, typically a reference that is not loaded
     * @param created       when the message was received: the queue lifetime counts from then
     */
    public QueueEntry(StoredMessage storedMessage, Instant created, String recipient, String notify,
            String originalRecipient) {
        this.storedMessage = storedMessage;
        this.recipient = recipient;
        this.state = RecipientStatus.QUEUED;
        this.created = created;
        this.nextAttempt = created;
        this.notify = notify;
        this.originalRecipient = originalRecipient;
    }

    public Long getId() {
        return id;
    }

    public StoredMessage getStoredMessage() {
        return storedMessage;
    }

    public String getRecipient() {
        return recipient;
    }

    public RecipientStatus getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }

    public String getLastReply() {
        return lastReply;
    }

    public Instant getCreated() {
        return created;
    }

    public String getNotify() {
        return notify;
    }

    public String getOriginalRecipient() {
        return originalRecipient;
    }

    public long getVersion() {
        return version;
    }
}
