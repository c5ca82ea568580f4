// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message as accepted: its envelope facts and, in the unmapped {@code content} column, its
 * octets as every recipient receives them. One row however many recipients it has: mailboxes
 * and queue entries refer to it.
 *
 * <p>The content is deliberately not an attribute: Hibernate would load it whole into memory,
 * and messages of 20 MB and more must stream. {@code MessageStore} writes and reads it over JDBC
 * on the transaction's own connection.
 */
@Entity
@Table(name = "stored_message")
public class StoredMessage {

    /** The column of the content, which only plain JDBC touches. */
    public static final String CONTENT_COLUMN = "content";
    /** RFC 5322 §2.1.1: no header line is longer than 998 characters. */
    public static final int MAX_MESSAGE_ID = 998;
    /** RFC 3461 §4.4: ENVID is at most 100 characters. */
    public static final int MAX_ENVELOPE_ID = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant received;

    /** The envelope sender, {@code ""} for the null reverse-path of bounces. */
    @Column(nullable = false, length = MailAddress.MAX_ADDRESS)
    private String sender;

    /** Octets of the content, trace headers included. */
    @Column(name = "size_octets", nullable = false)
    private long size;

    @Column(name = "message_id", length = MAX_MESSAGE_ID)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "dsn_ret", length = 4)
    private DsnReturn dsnReturn;

    @Column(name = "dsn_envid", length = MAX_ENVELOPE_ID)
    private String envelopeId;

    /** The From field, decoded, as a mailbox list shows it; {@code null} when missing. */
    @Column(name = "header_from", length = MAX_MESSAGE_ID)
    private String headerFrom;

    /** The Subject field, decoded; {@code null} when missing. */
    @Column(name = "header_subject", length = MAX_MESSAGE_ID)
    private String headerSubject;

    /** The Date field; {@code null} when missing or unreadable. */
    @Column(name = "header_date")
    private Instant headerDate;

    protected StoredMessage() {
    }

    /**
     * @param messageId  the Message-ID header's value, or {@code null}
     * @param dsnReturn  RET, or {@code null} when the sender gave none
     * @param envelopeId ENVID as given (xtext), or {@code null}
     */
    public StoredMessage(String sender, long size, String messageId, DsnReturn dsnReturn, String envelopeId) {
        this.received = Timestamps.now();
        this.sender = sender;
        this.size = size;
        this.messageId = messageId;
        this.dsnReturn = dsnReturn;
        this.envelopeId = envelopeId;
    }

    /** Sets the header fields a mailbox list shows, read from the message when it is accepted. */
    public void setHeaderFields(String from, String subject, Instant date) {
        this.headerFrom = from;
        this.headerSubject = subject;
        this.headerDate = date;
    }

    public Long getId() {
        return id;
    }

    public Instant getReceived() {
        return received;
    }

    public String getSender() {
        return sender;
    }

    public long getSize() {
        return size;
    }

    public String getMessageId() {
        return messageId;
    }

    public DsnReturn getDsnReturn() {
        return dsnReturn;
    }

    public String getEnvelopeId() {
        return envelopeId;
    }

    public String getHeaderFrom() {
        return headerFrom;
    }

    public String getHeaderSubject() {
        return headerSubject;
    }

    public Instant getHeaderDate() {
        return headerDate;
    }
}
