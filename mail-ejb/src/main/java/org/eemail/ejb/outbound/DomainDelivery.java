// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.Decision;
import org.eemail.ejb.store.QueueStore;

/**
 * One delivery attempt for claimed recipients of one destination domain: route (MX, or the smart
 * host), send every message over one connection, record the outcomes of all its recipients in one
 * transaction. Called asynchronously by {@link QueueRunner}, several connections at a time.
 * Outside any transaction: the store gives each step its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DomainDelivery {

    private static final Logger LOG = Logger.getLogger(DomainDelivery.class.getName());

    @EJB
    private QueueStore queue;

    /**
     * @param done called when the attempt is over, whatever happened: it gives the runner's
     *             connection slot back
     */
    @Asynchronous
    public void deliver(String domain, List<ClaimedEntry> entries, Outbound outbound, Runnable done) {
        try {
            if (queue.isLocalDomain(domain)) {
                // Mail for our own domains never leaves, even when the domain became ours after queueing.
                queue.deliverLocally(entries, outbound.reporting());
                return;
            }
            List<RecipientResult> results = attempt(domain, entries, outbound);
            Instant now = Instant.now();
            List<Decision> decisions = results.stream().map(r -> Decisions.of(r, outbound.queue().retry(), now)).toList();
            queue.record(decisions, outbound.reporting());
            DeliveryActivity.count(results, decisions, now);
            results.forEach(r -> LOG.info(() -> "to=<" + r.entry().recipient() + "> relay=" + r.remoteMta()
                    + " status=" + r.code() + " " + r.reply()));
        } catch (RuntimeException e) {
            // The entries stay claimed until their lease ends, then are tried again.
            LOG.log(Level.WARNING, "Delivery to " + domain + " failed", e);
        } finally {
            done.run();
        }
    }

    private List<RecipientResult> attempt(String domain, List<ClaimedEntry> entries, Outbound outbound) {
        OutboundSettings settings = outbound.settings();
        Route route = settings.relay()
                .<Route>map(relay -> new Route.Hosts(List.of(new MailHost(relay.host(), List.of()))))
                .orElseGet(() -> outbound.router().route(domain));
        if (route instanceof Route.Failure failure) {
            return entries.stream().map(entry -> failure.permanent()
                    ? RecipientResult.permanent(entry, failure.reply())
                    : RecipientResult.noReply(entry, failure.reply())).toList();
        }
        int port = settings.relay().map(OutboundSettings.RelayHost::port).orElse(settings.port());
        return new SmtpClient(settings, outbound.connections(), queue::withContent)
                .deliver(((Route.Hosts) route).hosts(), port, DestinationSplit.byMessage(entries));
    }
}
