// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One step of a message's trail. Read here; written in batches over JDBC by the stores, in the
 * transaction of the step itself, so that the trail never tells of a step that was rolled back.
 * The {@link TrailKind#RECEIVED} step also carries the message's Message-ID, sender and size:
 * a trail is kept for its retention even after the message is gone.
 */
@Entity
@Table(name = "trail_event")
@NamedQuery(name = TrailEvent.FIND_BY_MESSAGES, query = "SELECT e FROM TrailEvent e"
        + " WHERE e.storedMessageId IN :ids ORDER BY e.storedMessageId DESC, e.occurred, e.id")
@NamedQuery(name = TrailEvent.MESSAGES_BY_MESSAGE_ID, query = "SELECT DISTINCT e.storedMessageId FROM TrailEvent e"
        + " WHERE e.messageId IN :values ORDER BY e.storedMessageId DESC")
@NamedQuery(name = TrailEvent.MESSAGES_BY_SENDER, query = "SELECT DISTINCT e.storedMessageId FROM TrailEvent e"
        + " WHERE e.kind = org.eemail.ejb.domain.TrailKind.RECEIVED AND e.sender IN :values"
        + " ORDER BY e.storedMessageId DESC")
@NamedQuery(name = TrailEvent.MESSAGES_BY_RECIPIENT, query = "SELECT DISTINCT e.storedMessageId FROM TrailEvent e"
        + " WHERE e.recipient IN :values ORDER BY e.storedMessageId DESC")
@NamedQuery(name = TrailEvent.FIND_ATTEMPTS, query = "SELECT e FROM TrailEvent e WHERE e.storedMessageId = :message"
        + " AND e.recipient = :recipient AND e.kind = org.eemail.ejb.domain.TrailKind.ATTEMPT ORDER BY e.occurred, e.id")
@NamedQuery(name = TrailEvent.DELETE_RECEIVED_BEFORE, query = "DELETE FROM TrailEvent e WHERE e.storedMessageId IN"
        + " (SELECT r.storedMessageId FROM TrailEvent r WHERE r.kind = org.eemail.ejb.domain.TrailKind.RECEIVED"
        + " AND r.occurred < :before)")
@NamedQuery(name = TrailEvent.DELETE_BEFORE, query = "DELETE FROM TrailEvent e WHERE e.occurred < :before")
public class TrailEvent {

    /** Every step of the messages {@code :ids}, newest message first, each one's steps in order. */
    public static final String FIND_BY_MESSAGES = "TrailEvent.findByMessages";
    /** The messages whose Message-ID is one of {@code :values}, newest first. */
    public static final String MESSAGES_BY_MESSAGE_ID = "TrailEvent.messagesByMessageId";
    /** The messages whose envelope sender is one of {@code :values}, newest first. */
    public static final String MESSAGES_BY_SENDER = "TrailEvent.messagesBySender";
    /** The messages with a step for one of the recipients {@code :values}, newest first. */
    public static final String MESSAGES_BY_RECIPIENT = "TrailEvent.messagesByRecipient";
    /** The delivery attempts for one recipient of one message, oldest first. */
    public static final String FIND_ATTEMPTS = "TrailEvent.findAttempts";
    /** Removes the whole trail of every message received before {@code :before}. */
    public static final String DELETE_RECEIVED_BEFORE = "TrailEvent.deleteReceivedBefore";
    /** Removes the steps older than {@code :before} whose message left no received step. */
    public static final String DELETE_BEFORE = "TrailEvent.deleteBefore";

    public static final int MAX_DETAIL = 2000;
    public static final int MAX_REMOTE_HOST = 255;

    @Id
    private Long id;

    @Column(name = "stored_message_id", nullable = false)
    private long storedMessageId;

    @Column(nullable = false)
    private Instant occurred;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TrailKind kind;

    @Column(length = MailAddress.MAX_ADDRESS)
    private String recipient;

    @Column(length = MAX_DETAIL)
    private String detail;

    @Column(name = "remote_host", length = MAX_REMOTE_HOST)
    private String remoteHost;

    @Column(length = MAX_DETAIL)
    private String reply;

    @Column(length = 16)
    private String outcome;

    @Column(name = "message_id", length = StoredMessage.MAX_MESSAGE_ID)
    private String messageId;

    @Column(length = MailAddress.MAX_ADDRESS)
    private String sender;

    @Column(name = "size_octets")
    private Long size;

    protected TrailEvent() {
    }

    public long getStoredMessageId() {
        return storedMessageId;
    }

    public Instant getOccurred() {
        return occurred;
    }

    public TrailKind getKind() {
        return kind;
    }

    /** The recipient the step concerns, or {@code null} for the message as a whole. */
    public String getRecipient() {
        return recipient;
    }

    public String getDetail() {
        return detail;
    }

    /** For an attempt: the server that answered, or {@code null} when none did. */
    public String getRemoteHost() {
        return remoteHost;
    }

    /** For an attempt or a relay: the remote reply, or why there was none. */
    public String getReply() {
        return reply;
    }

    /** For an attempt: delivered, deferred or bounced. */
    public String getOutcome() {
        return outcome;
    }

    /** For the received step: the Message-ID header, or {@code null}. */
    public String getMessageId() {
        return messageId;
    }

    /** For the received step: the envelope sender, {@code ""} for the null sender. */
    public String getSender() {
        return sender;
    }

    /** For the received step: the stored size in octets. */
    public Long getSize() {
        return size;
    }
}
