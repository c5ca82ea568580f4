// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The delivery of one accepted message to one application consumer: recorded in the transaction
 * that stores the message, done once the consumer's call committed, parked after too many failed
 * calls.
 */
@Entity
@Table(name = "consumer_dispatch")
@NamedQueries({
    @NamedQuery(name = Dispatch.FIND_DUE, query = "SELECT d FROM Dispatch d WHERE d.state = :pending"
            + " AND d.nextAttempt <= :now AND d.consumer IN :consumers ORDER BY d.storedMessageId, d.priority, d.id"),
    @NamedQuery(name = Dispatch.FIND_BY_STATE, query = "SELECT d FROM Dispatch d WHERE d.state = :state ORDER BY d.id"),
    @NamedQuery(name = Dispatch.FIND_BY_MESSAGE, query = "SELECT d FROM Dispatch d"
            + " WHERE d.storedMessageId = :storedMessageId ORDER BY d.priority, d.id")
})
public class Dispatch {

    public static final String FIND_DUE = "Dispatch.findDue";
    public static final String FIND_BY_STATE = "Dispatch.findByState";
    public static final String FIND_BY_MESSAGE = "Dispatch.findByMessage";
    public static final int MAX_ERROR = 2000;

    /** Where a dispatch stands. */
    public enum State {
        /** Waiting for its next call. */
        PENDING,
        /** A call returned and its transaction committed. */
        DONE,
        /** Too many calls failed; waits for an administrator's retry. */
        PARKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "stored_message_id", nullable = false)
    private long storedMessageId;

    @Column(nullable = false, length = 100)
    private String consumer;

    @Column(nullable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt", nullable = false)
    private Instant nextAttempt;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false, length = MailAddress.MAX_ADDRESS)
    private String sender;

    /** The matched recipients, one per line. */
    @Column(nullable = false, length = 30000)
    private String recipients;

    @Column(name = "client_address", nullable = false, length = 64)
    private String clientAddress;

    @Column(name = "helo_name", nullable = false, length = 255)
    private String heloName;

    @Column(name = "auth_identity", length = MailAddress.MAX_ADDRESS)
    private String identity;

    @Column(nullable = false)
    private boolean tls;

    @Version
    @Column(nullable = false)
    private long version;

    protected Dispatch() {
    }

    public Dispatch(long storedMessageId, String consumer, int priority, Instant now, String sender,
                    List<String> recipients, String clientAddress, String heloName, String identity, boolean tls) {
        this.storedMessageId = storedMessageId;
        this.consumer = consumer;
        this.priority = priority;
        this.state = State.PENDING;
        this.nextAttempt = now;
        this.created = now;
        this.sender = sender;
        this.recipients = String.join("\n", recipients);
        this.clientAddress = clientAddress;
        this.heloName = heloName;
        this.identity = identity;
        this.tls = tls;
    }

    /** Claimed by a delivery run: not due again before {@code until}. */
    public void claim(Instant until) {
        nextAttempt = until;
    }

    public void succeeded() {
        state = State.DONE;
        attempts++;
        lastError = null;
    }

    /** A failed call: due again at {@code next}, or parked. */
    public void failed(String error, Instant next, boolean park) {
        attempts++;
        lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        nextAttempt = next;
        state = park ? State.PARKED : State.PENDING;
    }

    /** An administrator's retry of a parked dispatch: due now, with a fresh count of attempts. */
    public void retry(Instant now) {
        state = State.PENDING;
        attempts = 0;
        nextAttempt = now;
    }

    public Long getId() {
        return id;
    }

    public long getStoredMessageId() {
        return storedMessageId;
    }

    public String getConsumer() {
        return consumer;
    }

    public int getPriority() {
        return priority;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreated() {
        return created;
    }

    public String getSender() {
        return sender;
    }

    public List<String> getRecipients() {
        return Arrays.asList(recipients.split("\n"));
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getHeloName() {
        return heloName;
    }

    public String getIdentity() {
        return identity;
    }

    public boolean isTls() {
        return tls;
    }
}
