// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the message trail for {@code mail.trail.retention} (ISO-8601, 30 days by default),
 * independently of the messages: a trail tells what became of a message after it was fetched,
 * relayed or deleted. Runs every hour; every server sharing the database may run it, since
 * deleting what another already deleted does nothing.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrailPruning {

    static final String RETENTION_PROPERTY = "mail.trail.retention";
    private static final Logger LOG = Logger.getLogger(TrailPruning.class.getName());

    @EJB
    private TrailStore trail;

    private Duration retention;

    @PostConstruct
    void start() {
        retention = ConfigProvider.getConfig(TrailPruning.class.getClassLoader())
                .getOptionalValue(RETENTION_PROPERTY, String.class).map(Duration::parse).orElse(Duration.ofDays(30));
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(RETENTION_PROPERTY + " must be a positive duration: " + retention);
        }
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    void prune() {
        try {
            int steps = trail.prune(Instant.now().minus(retention));
            if (steps > 0) {
                LOG.fine(() -> "Pruned " + steps + " trail steps older than " + retention);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot prune the message trail; trying again in an hour", e);
        }
    }
}
