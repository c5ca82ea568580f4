// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eemail.ejb.domain.Dispatch;
import org.eemail.ra.api.ConsumerRoute;
import org.eemail.ra.api.Envelope;

/**
 * The dispatches of accepted messages to application consumers. {@link #record} joins the
 * transaction that stores the message; the adapter's delivery run claims, completes and fails
 * them through the dispatch queue bean; administrators list and retry parked ones.
 */
@Stateless
public class DispatchStore {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** One pending dispatch per route, due now. */
    public void record(long storedMessageId, Envelope envelope, List<ConsumerRoute> routes) {
        Instant now = now();
        for (ConsumerRoute route : routes) {
            em.persist(new Dispatch(storedMessageId, route.consumer(), route.priority(), now, envelope.sender(),
                    route.recipients(), envelope.clientAddress(), envelope.heloName(),
                    envelope.identity().orElse(null), envelope.tls()));
        }
    }

    /**
     * Claims up to {@code max} due dispatches of {@code consumers}: each is due again only after
     * {@code claim}, so a run that dies leaves them to the next one.
     */
    public List<Dispatch> claimDue(Collection<String> consumers, int max, Duration claim) {
        Instant now = now();
        List<Dispatch> due = em.createNamedQuery(Dispatch.FIND_DUE, Dispatch.class)
                .setParameter("pending", Dispatch.State.PENDING)
                .setParameter("now", now)
                .setParameter("consumers", consumers)
                .setMaxResults(max)
                .getResultList();
        due.forEach(d -> d.claim(now.plus(claim)));
        return due;
    }

    public void succeeded(long id) {
        find(id).ifPresent(Dispatch::succeeded);
    }

    public void failed(long id, String error, Duration retryIn, boolean park) {
        find(id).ifPresent(d -> d.failed(error, now().plus(retryIn), park));
    }

    /** The dispatches in {@code state}, oldest first, at most {@code max}. */
    public List<Dispatch> list(Dispatch.State state, int max) {
        return em.createNamedQuery(Dispatch.FIND_BY_STATE, Dispatch.class)
                .setParameter("state", state)
                .setMaxResults(max)
                .getResultList();
    }

    /** The dispatches of one stored message. */
    public List<Dispatch> ofMessage(long storedMessageId) {
        return em.createNamedQuery(Dispatch.FIND_BY_MESSAGE, Dispatch.class)
                .setParameter("storedMessageId", storedMessageId)
                .getResultList();
    }

    /**
     * Makes a parked dispatch due now.
     *
     * @return the dispatch, or empty when there is none with this id
     * @throws StoreException CONFLICT when it is not parked
     */
    public Optional<Dispatch> retry(long id) {
        Optional<Dispatch> dispatch = find(id);
        if (dispatch.isPresent() && dispatch.get().getState() != Dispatch.State.PARKED) {
            throw StoreException.conflict("dispatch " + id + " is " + dispatch.get().getState() + ", not PARKED");
        }
        dispatch.ifPresent(d -> d.retry(now()));
        return dispatch;
    }

    private Optional<Dispatch> find(long id) {
        return Optional.ofNullable(em.find(Dispatch.class, id));
    }
}
