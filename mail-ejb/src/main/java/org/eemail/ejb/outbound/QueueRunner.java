// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.QueueStore;
import org.eemail.ejb.store.Reporting;

/**
 * Runs the delivery queue (Postfix's queue manager): claims due entries in batches, groups them
 * by destination domain and hands each group to {@link DomainDelivery} over one connection, or
 * several when connections are free ({@link DeliverySlots}: {@code mail.queue.parallelism} at a
 * time, {@code mail.queue.destination-concurrency} to one destination). A batch is claimed only
 * when a connection is free: while all are busy, newly due entries gather into the next batch
 * instead of each costing a connection of its own. A non-persistent poll timer finds retries and
 * leases that ran out (Payara Micro forgets persistent timers on restart, platform.md; all queue
 * state is in the database, so a restart loses nothing); {@link #soon()}, called in the
 * transaction that accepts a message, starts a run right after its commit.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueueRunner {

    private static final Logger LOG = Logger.getLogger(QueueRunner.class.getName());
    private static final String POLL = "poll";

    @Resource
    private TimerService timers;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Resource
    private SessionContext context;

    @EJB
    private QueueStore queue;

    @EJB
    private DomainDelivery delivery;

    private Outbound outbound;
    private DeliverySlots slots;
    private final AtomicBoolean running = new AtomicBoolean();
    /** A run is asked for and has not yet started looking: set by every request, cleared by the run. */
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void start() {
        outbound = Outbound.from(ConfigProvider.getConfig(QueueRunner.class.getClassLoader()));
        slots = new DeliverySlots(outbound.queue().parallelism(), outbound.queue().destinationConcurrency());
        long interval = outbound.queue().pollInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(POLL, false));
        LOG.info(() -> "Queue runner started: " + outbound.queue() + ", "
                + outbound.settings().relay().map(r -> "relay via " + r.host() + ":" + r.port()).orElse("MX routing"));
    }

    /**
     * Asks for a run as soon as the caller's transaction commits: the run starts on another
     * thread after the commit, when the new entries are visible (and not at all after a
     * rollback). Not a timer: Payara fires a timer created in a transaction 100 to 600 ms after
     * the commit, measured. While a run is already asked for and has not yet started looking,
     * that run finds these entries too, so no other is started (one asynchronous call per batch
     * of accepted messages, not per message).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void soon() {
        QueueRunner self = context.getBusinessObject(QueueRunner.class);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && !again.getAndSet(true)) {
                    self.runSoon();
                }
            }
        });
    }

    /** How reports are written: what the administrator's bounces need too. */
    public Reporting reporting() {
        return outbound.reporting();
    }

    /** {@link #runOnce()} on a thread of the container's, for {@link #soon()}. */
    @Asynchronous
    public void runSoon() {
        runOnce();
    }

    @Timeout
    void onTimeout(Timer timer) {
        outbound.connections().closeIdle();
        runOnce();
    }

    /**
     * Delivers everything due now. A call while a run is going on makes that run look again
     * when it is done instead of running twice.
     */
    public void runOnce() {
        again.set(true);
        // Checked again after the run lets go: a call that came just before that is not lost.
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                while (again.getAndSet(false)) {
                    while (runBatch() >= outbound.queue().batchSize()) {
                        // a full batch: more may be due
                    }
                }
            } finally {
                running.set(false);
            }
        }
    }

    private int runBatch() {
        try {
            slots.awaitFree();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        List<ClaimedEntry> claimed;
        try {
            claimed = queue.claim(outbound.queue().batchSize(), outbound.queue().lease());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot claim queue entries; trying again at the next poll", e);
            return 0;
        }
        Map<String, List<ClaimedEntry>> byDomain = new LinkedHashMap<>();
        for (ClaimedEntry entry : claimed) {
            byDomain.computeIfAbsent(entry.domain(), d -> new ArrayList<>()).add(entry);
        }
        int waiting = byDomain.size();
        for (Iterator<Map.Entry<String, List<ClaimedEntry>>> it = byDomain.entrySet().iterator(); it.hasNext(); waiting--) {
            Map.Entry<String, List<ClaimedEntry>> destination = it.next();
            String domain = destination.getKey();
            for (List<ClaimedEntry> part : DestinationSplit.of(destination.getValue(), slots.connectionsFor(domain, waiting))) {
                if (!startDelivery(domain, part)) {
                    return claimed.size();
                }
            }
        }
        return claimed.size();
    }

    /**
     * Starts one connection's delivery when a slot is free for it. A slow destination holds its
     * slots, not the queue, unless it holds all it may have. False when interrupted; the entries
     * not started stay claimed until their lease runs out.
     */
    private boolean startDelivery(String domain, List<ClaimedEntry> entries) {
        try {
            slots.acquire(domain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            delivery.deliver(domain, entries, outbound, () -> slots.release(domain));
        } catch (RuntimeException e) {
            slots.release(domain);
            LOG.log(Level.WARNING, "Cannot start a delivery to " + domain + "; its entries wait for their lease", e);
        }
        return true;
    }
}
