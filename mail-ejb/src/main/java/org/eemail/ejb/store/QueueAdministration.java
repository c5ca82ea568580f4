// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.RecipientStatus;

/**
 * The administrator's view of the delivery queue and the actions on it: list by filter, retry
 * now, hold and release, delete, bounce now; each for one entry or for every entry a filter
 * selects. An entry a runner is delivering right now ({@code IN_DELIVERY}) is never touched:
 * its attempt decides.
 */
@Stateless
public class QueueAdministration {

    /** The reply recorded for, and reported in, an administrator's bounce. */
    static final String BOUNCED_BY_ADMINISTRATOR = "554 5.0.0 Bounced by the administrator";
    /** How long a bounce may take between claiming its entries and recording them. */
    private static final Duration BOUNCE_LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    @EJB
    private QueueStore queue;

    @Resource
    private SessionContext context;

    /** Entries that match, oldest first, at most {@code limit}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<QueueItem> find(QueueFilter filter, int limit) {
        return query(filter, Set.of()).setMaxResults(limit).getResultList().stream().map(QueueItem::of).toList();
    }

    /** One entry. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public QueueItem get(long id) {
        return QueueItem.of(entry(id));
    }

    /**
     * Applies {@code action} to one entry.
     *
     * @throws StoreException NOT_FOUND without such an entry, CONFLICT when its state does not allow the action
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void apply(QueueAction action, long id, Reporting reporting) {
        QueueAdministration self = context.getBusinessObject(QueueAdministration.class);
        RecipientStatus state = self.get(id).state();
        if (!action.appliesTo(state)) {
            throw StoreException.conflict("queue entry " + id + " is " + state.name().toLowerCase()
                    + ": cannot " + action.name().toLowerCase() + " it");
        }
        if (self.apply(action, List.of(id), reporting) == 0) {
            throw StoreException.conflict("queue entry " + id + " changed meanwhile: try again");
        }
    }

    /** Applies {@code action} to every entry {@code filter} selects whose state allows it; returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int apply(QueueAction action, QueueFilter filter, Reporting reporting) {
        QueueAdministration self = context.getBusinessObject(QueueAdministration.class);
        return self.apply(action, self.ids(filter, action.states()), reporting);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> ids(QueueFilter filter, Set<RecipientStatus> states) {
        return query(filter, states).getResultList().stream().map(QueueEntry::getId).toList();
    }

    /** {@code action} on those of {@code ids} whose state still allows it, each kind in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int apply(QueueAction action, List<Long> ids, Reporting reporting) {
        QueueAdministration self = context.getBusinessObject(QueueAdministration.class);
        if (action != QueueAction.BOUNCE) {
            return self.change(action, ids);
        }
        // Claimed first, like a runner would, so that the bounce is recorded and reported by the
        // same code as any other; a runner cannot take them meanwhile.
        List<ClaimedEntry> claimed = self.claim(ids);
        queue.record(claimed.stream()
                .map(entry -> Decision.bounced(entry, BOUNCED_BY_ADMINISTRATOR, null, "5.0.0").withoutAttempt())
                .toList(), reporting);
        return claimed.size();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int change(QueueAction action, List<Long> ids) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int changed = 0;
        Set<Long> messages = new HashSet<>();
        List<TrailStep> trail = new ArrayList<>();
        for (Long id : ids) {
            // Locked, so that a runner's claim waits for this change and then sees the new state.
            QueueEntry entry = em.find(QueueEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (entry == null || !action.appliesTo(entry.getState())) {
                continue;
            }
            switch (action) {
                case RETRY -> {
                    if (entry.getState() == RecipientStatus.HELD) {
                        entry.release();
                    }
                    entry.dueAt(now);
                }
                case HOLD -> entry.hold();
                case RELEASE -> entry.release();
                case DELETE -> {
                    messages.add(entry.getStoredMessage().getId());
                    em.remove(entry);
                }
                default -> throw new IllegalArgumentException("not a change of state: " + action);
            }
            trail.add(TrailSteps.administered(entry, action.trailKind(), now));
            changed++;
        }
        TrailLog.write(em, trail);
        em.flush();
        UnreferencedMessages.delete(em, messages);
        return changed;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ClaimedEntry> claim(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createQuery("UPDATE QueueEntry e SET e.state = :inDelivery, e.claimToken = :token,"
                        + " e.leaseUntil = :leaseUntil, e.version = e.version + 1 WHERE e.id IN :ids AND e.state IN :states")
                .setParameter("inDelivery", RecipientStatus.IN_DELIVERY)
                .setParameter("token", token)
                .setParameter("leaseUntil", now.plus(BOUNCE_LEASE))
                .setParameter("ids", ids)
                .setParameter("states", QueueAction.BOUNCE.states())
                .executeUpdate();
        return em.createNamedQuery(QueueEntry.FIND_CLAIMED, QueueEntry.class)
                .setParameter("token", token)
                .setParameter("inDelivery", RecipientStatus.IN_DELIVERY)
                .getResultList().stream().map(ClaimedEntry::of).toList();
    }

    /** With its message fetched: outside a transaction nothing can be loaded later. */
    private QueueEntry entry(long id) {
        return em.createQuery("SELECT e FROM QueueEntry e JOIN FETCH e.storedMessage WHERE e.id = :id", QueueEntry.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> StoreException.notFound("no such queue entry: " + id));
    }

    private TypedQuery<QueueEntry> query(QueueFilter filter, Set<RecipientStatus> states) {
        List<String> conditions = new ArrayList<>();
        filter.state().ifPresent(s -> conditions.add("e.state = :state"));
        if (!states.isEmpty()) {
            conditions.add("e.state IN :states");
        }
        filter.domain().ifPresent(d -> conditions.add("LOWER(e.recipient) LIKE :domain ESCAPE '!'"));
        filter.sender().ifPresent(s -> conditions.add("m.sender = :sender"));
        filter.createdBefore().ifPresent(t -> conditions.add("e.created < :before"));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<QueueEntry> query = em.createQuery(
                "SELECT e FROM QueueEntry e JOIN FETCH e.storedMessage m" + where + " ORDER BY e.created, e.id",
                QueueEntry.class);
        filter.state().ifPresent(s -> query.setParameter("state", s));
        if (!states.isEmpty()) {
            query.setParameter("states", states);
        }
        // '!' escapes LIKE's wildcards: a domain name may contain '_'.
        filter.domain().ifPresent(d -> query.setParameter("domain",
                "%@" + d.replace("!", "!!").replace("_", "!_").replace("%", "!%")));
        filter.sender().ifPresent(s -> query.setParameter("sender", s));
        filter.createdBefore().ifPresent(t -> query.setParameter("before", t));
        return query;
    }
}
