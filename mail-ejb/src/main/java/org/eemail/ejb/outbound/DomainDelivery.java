// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.Decision;
import org.eemail.ejb.store.QueueStore;

/**
 * One delivery attempt for the claimed recipients of one destination domain: route (MX, or the
 * smart host), send every message over one connection, record each recipient's outcome. Called
 * asynchronously by {@link QueueRunner}, several destinations at a time. Outside any transaction:
 * the store gives each step its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DomainDelivery {

    private static final Logger LOG = Logger.getLogger(DomainDelivery.class.getName());

    @EJB
    private QueueStore queue;

    @Asynchronous
    public Future<Void> deliver(String domain, List<ClaimedEntry> entries, Outbound outbound) {
        try {
            if (queue.isLocalDomain(domain)) {
                // Mail for our own domains never leaves, even when the domain became ours after queueing.
                queue.deliverLocally(entries, outbound.reporting());
                return new AsyncResult<>(null);
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
        }
        return new AsyncResult<>(null);
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
        return new SmtpClient(settings, queue::withContent)
                .deliver(((Route.Hosts) route).hosts(), port, byMessage(entries));
    }

    /** The recipients of each message, so each message is sent once with all of them. */
    private static List<List<ClaimedEntry>> byMessage(List<ClaimedEntry> entries) {
        Map<Long, List<ClaimedEntry>> messages = new LinkedHashMap<>();
        for (ClaimedEntry entry : entries) {
            messages.computeIfAbsent(entry.storedMessageId(), id -> new ArrayList<>()).add(entry);
        }
        return List.copyOf(messages.values());
    }
}
