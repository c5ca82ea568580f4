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
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One foreign recipient of a stored message and how its delivery stands. The queue lives in the
 * database because Payara Micro forgets persistent timers on restart (platform.md). A queue runner
 * claims due entries with one conditional UPDATE that marks them with its claim token and a lease
 * (see {@link #CLAIM}): a second runner's UPDATE finds them no longer due, and an entry whose
 * lease ran out, because its runner died, is due again.
 */
@Entity
@Table(name = "queue_entry")
@NamedQueries({
    @NamedQuery(name = QueueEntry.FIND_WAITING_DUE, query = "SELECT e.id FROM QueueEntry e"
            + " WHERE e.state IN :waiting AND e.nextAttempt <= :now ORDER BY e.nextAttempt"),
    @NamedQuery(name = QueueEntry.FIND_LEASE_EXPIRED, query = "SELECT e.id FROM QueueEntry e"
            + " WHERE e.state = :inDelivery AND e.leaseUntil < :now ORDER BY e.leaseUntil"),
    @NamedQuery(name = QueueEntry.CLAIM, query = "UPDATE QueueEntry e SET e.state = :inDelivery,"
            + " e.leaseUntil = :leaseUntil, e.claimToken = :token, e.version = e.version + 1"
            + " WHERE e.id IN :ids AND " + QueueEntry.DUE),
    @NamedQuery(name = QueueEntry.FIND_CLAIMED, query = "SELECT e FROM QueueEntry e JOIN FETCH e.storedMessage"
            + " WHERE e.claimToken = :token AND e.state = :inDelivery ORDER BY e.id"),
    @NamedQuery(name = QueueEntry.FIND_BY_MESSAGE, query = "SELECT e FROM QueueEntry e"
            + " WHERE e.storedMessage.id = :storedMessageId ORDER BY e.id")
})
public class QueueEntry {

    /**
     * The ids of waiting entries whose time has come, oldest first; parameters {@code now},
     * {@code waiting}. Apart from {@link #FIND_LEASE_EXPIRED}: with the two conditions in one
     * OR, H2 used no index and read every entry ever queued, delivered ones included, at each
     * claim (most of the relay's CPU time, measured).
     */
    public static final String FIND_WAITING_DUE = "QueueEntry.findWaitingDue";
    /** The ids of claimed entries whose lease ran out; parameters {@code now}, {@code inDelivery}. */
    public static final String FIND_LEASE_EXPIRED = "QueueEntry.findLeaseExpired";
    /**
     * Claims those of {@code ids} that are still due: a bulk UPDATE whose condition is checked
     * again on the row it locks, so of two runners racing for an entry only one changes it.
     */
    public static final String CLAIM = "QueueEntry.claim";
    /** The entries a claim token won, with their messages. */
    public static final String FIND_CLAIMED = "QueueEntry.findClaimed";
    public static final String FIND_BY_MESSAGE = "QueueEntry.findByMessage";

    /** Waiting and due, or claimed by a runner whose lease has run out. */
    static final String DUE = "((e.state IN :waiting AND e.nextAttempt <= :now)"
            + " OR (e.state = :inDelivery AND e.leaseUntil < :now))";

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

    /** Until when the runner that claimed it may deliver it; then it is due again. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "claim_token", length = 36)
    private String claimToken;

    @Column(name = "delay_reported", nullable = false)
    private boolean delayReported;

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

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public String getClaimToken() {
        return claimToken;
    }

    public boolean isDelayReported() {
        return delayReported;
    }

    /** The sender has been told once that delivery is delayed; not again. */
    public void delayReported() {
        this.delayReported = true;
    }

    /** Taken by the next hop: final. */
    public void delivered(String reply) {
        finish(RecipientStatus.DELIVERED, reply);
    }

    /** Refused for good or given up on: final. */
    public void bounced(String reply) {
        finish(RecipientStatus.BOUNCED, reply);
    }

    /** A temporary failure: due again at {@code nextAttempt}. */
    public void deferred(String reply, Instant nextAttempt) {
        finish(RecipientStatus.DEFERRED, reply);
        this.nextAttempt = nextAttempt;
    }

    /** On hold: no runner claims it until {@link #release()}. */
    public void hold() {
        this.state = RecipientStatus.HELD;
    }

    /** Back from hold: waiting again, due at its next attempt time (at once if that has passed). */
    public void release() {
        this.state = attempts == 0 ? RecipientStatus.QUEUED : RecipientStatus.DEFERRED;
    }

    /** Due at once: the administrator's "retry now". */
    public void dueAt(Instant now) {
        this.nextAttempt = now;
    }

    private void finish(RecipientStatus state, String reply) {
        this.state = state;
        this.attempts++;
        this.lastReply = reply == null || reply.length() <= 2000 ? reply : reply.substring(0, 2000);
        this.leaseUntil = null;
        this.claimToken = null;
    }
}
