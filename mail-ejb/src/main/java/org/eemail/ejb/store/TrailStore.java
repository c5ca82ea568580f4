// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.TrailEvent;
import org.eemail.ejb.domain.TrailKind;

/**
 * The message trail: searched by Message-ID, envelope sender or recipient, and pruned after its
 * retention. The steps are written by the stores whose transactions they describe ({@link TrailLog}).
 */
@Stateless
public class TrailStore {

    /** The most trails one search returns, newest first. */
    public static final int MAX_TRAILS = 50;

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    /** @param messageId with or without its angle brackets */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<MessageTrail> byMessageId(String messageId) {
        String bare = messageId.startsWith("<") && messageId.endsWith(">")
                ? messageId.substring(1, messageId.length() - 1) : messageId;
        return trails(TrailEvent.MESSAGES_BY_MESSAGE_ID, List.of(bare, "<" + bare + ">"));
    }

    /** @param sender the envelope sender in any case; {@code ""} for the null sender */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<MessageTrail> bySender(String sender) {
        return trails(TrailEvent.MESSAGES_BY_SENDER, List.of(TrailLog.lower(sender)));
    }

    /** @param recipient a recipient in any case: a mailbox, a queued address */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<MessageTrail> byRecipient(String recipient) {
        return trails(TrailEvent.MESSAGES_BY_RECIPIENT, List.of(TrailLog.lower(recipient)));
    }

    /** The trail of one stored message, if any step of it is kept. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<MessageTrail> get(long storedMessageId) {
        return load(List.of(storedMessageId)).stream().findFirst();
    }

    /**
     * The delivery attempts of a queue entry, oldest first.
     *
     * @throws StoreException NOT_FOUND without such an entry
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DeliveryAttempt> attempts(long queueEntryId) {
        QueueEntry entry = em.find(QueueEntry.class, queueEntryId);
        if (entry == null) {
            throw StoreException.notFound("no such queue entry: " + queueEntryId);
        }
        return em.createNamedQuery(TrailEvent.FIND_ATTEMPTS, TrailEvent.class)
                .setParameter("message", entry.getStoredMessage().getId())
                .setParameter("recipient", TrailLog.lower(entry.getRecipient()))
                .getResultStream()
                .map(e -> new DeliveryAttempt(e.getOccurred(), e.getRemoteHost(), e.getReply(), e.getOutcome()))
                .toList();
    }

    /**
     * Deletes the trails of the messages received before {@code before}, whole, and any older step
     * left without its received step; returns how many steps went.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prune(Instant before) {
        Instant cutoff = before.truncatedTo(ChronoUnit.MICROS);
        return em.createNamedQuery(TrailEvent.DELETE_RECEIVED_BEFORE).setParameter("before", cutoff).executeUpdate()
                + em.createNamedQuery(TrailEvent.DELETE_BEFORE).setParameter("before", cutoff).executeUpdate();
    }

    private List<MessageTrail> trails(String query, List<String> values) {
        List<Long> ids = em.createNamedQuery(query, Long.class).setParameter("values", values)
                .setMaxResults(MAX_TRAILS).getResultList();
        return ids.isEmpty() ? List.of() : load(ids);
    }

    /** The trails of {@code ids}, newest message first. */
    private List<MessageTrail> load(List<Long> ids) {
        Map<Long, List<TrailEvent>> byMessage = new LinkedHashMap<>();
        for (TrailEvent event : em.createNamedQuery(TrailEvent.FIND_BY_MESSAGES, TrailEvent.class)
                .setParameter("ids", ids).getResultList()) {
            byMessage.computeIfAbsent(event.getStoredMessageId(), id -> new ArrayList<>()).add(event);
        }
        List<MessageTrail> trails = new ArrayList<>(byMessage.size());
        byMessage.forEach((id, events) -> trails.add(trail(id, events)));
        return trails;
    }

    private static MessageTrail trail(long storedMessageId, List<TrailEvent> events) {
        Optional<TrailEvent> received = events.stream().filter(e -> e.getKind() == TrailKind.RECEIVED).findFirst();
        List<MessageTrail.Step> steps = events.stream()
                .map(e -> new MessageTrail.Step(e.getOccurred(), e.getKind(), e.getRecipient(), e.getDetail()))
                .toList();
        return new MessageTrail(storedMessageId, received.map(TrailEvent::getMessageId).orElse(null),
                received.map(TrailEvent::getSender).orElse(null), received.map(TrailEvent::getSize).orElse(null),
                received.map(TrailEvent::getOccurred).orElse(null), steps);
    }
}
