// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.Map;
import org.eemail.ejb.domain.RecipientStatus;

/**
 * How many queue entries are in each state, for the dashboard and the metrics: read from the
 * database, so every server sharing it sees the same figures.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class QueueDepth {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    /** Entries by state; every state is present, with 0 where there are none. */
    public Map<RecipientStatus, Long> byState() {
        Map<RecipientStatus, Long> depth = new EnumMap<>(RecipientStatus.class);
        for (RecipientStatus state : RecipientStatus.values()) {
            depth.put(state, 0L);
        }
        for (Object[] row : em.createQuery("SELECT e.state, COUNT(e) FROM QueueEntry e GROUP BY e.state", Object[].class)
                .getResultList()) {
            depth.put((RecipientStatus) row[0], (Long) row[1]);
        }
        return depth;
    }
}
