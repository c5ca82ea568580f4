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

/**
 * A message in an account's mailbox: a reference to the {@link StoredMessage} that many mailboxes
 * share. Its id is never reused, so it serves as the POP3 unique id (RFC 1939 §7, UIDL).
 */
@Entity
@Table(name = "mailbox_message")
@NamedQuery(name = MailboxMessage.FIND_BY_ACCOUNT,
        query = "SELECT m FROM MailboxMessage m JOIN FETCH m.storedMessage WHERE m.account.address = :address ORDER BY m.id")
@NamedQuery(name = MailboxMessage.LIST_MAILDROP,
        query = "SELECT m.id, m.size FROM MailboxMessage m WHERE m.account.id = :account ORDER BY m.id")
@NamedQuery(name = MailboxMessage.STORED_ID_IN_MAILDROP,
        query = "SELECT m.storedMessage.id FROM MailboxMessage m WHERE m.id = :id AND m.account.address = :address")
@NamedQuery(name = MailboxMessage.STORED_IDS,
        query = "SELECT DISTINCT m.storedMessage.id FROM MailboxMessage m WHERE m.account.id = :account AND m.id IN :ids")
@NamedQuery(name = MailboxMessage.USAGE_BY_ACCOUNT,
        query = "SELECT m.account.id, SUM(m.size) FROM MailboxMessage m GROUP BY m.account.id")
@NamedQuery(name = MailboxMessage.DELETE_FROM_MAILDROP,
        query = "DELETE FROM MailboxMessage m WHERE m.account.id = :account AND m.id IN :ids")
public class MailboxMessage {

    /** An account's messages, oldest first, with their stored messages (for From, Subject, Date). */
    public static final String FIND_BY_ACCOUNT = "MailboxMessage.findByAccount";
    /** Id and size of every message of an account, in POP3 order: oldest first. */
    public static final String LIST_MAILDROP = "MailboxMessage.listMaildrop";
    /** The stored message that entry {@code :id} refers to, if it is in the maildrop of {@code :address}. */
    public static final String STORED_ID_IN_MAILDROP = "MailboxMessage.storedIdInMaildrop";
    /** The stored messages that {@code :ids} of an account refer to. */
    public static final String STORED_IDS = "MailboxMessage.storedIds";
    /** Account id and octets in its mailbox, for every account that has mail. */
    public static final String USAGE_BY_ACCOUNT = "MailboxMessage.usageByAccount";
    /** Removes {@code :ids} from an account's mailbox. */
    public static final String DELETE_FROM_MAILDROP = "MailboxMessage.deleteFromMaildrop";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "stored_message_id")
    private StoredMessage storedMessage;

    @Column(nullable = false)
    private Instant delivered;

    /** The stored message's size, kept here so that quota sums read one table. */
    @Column(name = "size_octets", nullable = false)
    private long size;

    protected MailboxMessage() {
    }

    /**
     * @param storedMessage the message, typically a reference that is not loaded: the time and size
     *                      are given separately so that creating a mailbox row reads nothing
     */
    public MailboxMessage(Account account, StoredMessage storedMessage, Instant delivered, long size) {
        this.account = account;
        this.storedMessage = storedMessage;
        this.delivered = delivered;
        this.size = size;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public StoredMessage getStoredMessage() {
        return storedMessage;
    }

    /** The stored message's id, without loading it. */
    public long getStoredMessageId() {
        return storedMessage.getId();
    }

    public Instant getDelivered() {
        return delivered;
    }

    public long getSize() {
        return size;
    }
}
