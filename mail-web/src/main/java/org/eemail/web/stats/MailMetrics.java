// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.stats;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.store.QueueDepth;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailEvent;
import org.eemail.ra.api.MailServerStatus;
import org.eemail.ra.config.Listener;

/**
 * The server's metrics in MicroProfile Metrics, which the server publishes in Prometheus' format
 * at {@code /metrics} (application scope): counters of sessions, commands, messages and
 * deliveries by outcome and failed logins, kept in step with {@link MailActivity} as it counts;
 * gauges of open sessions per listener and of queue entries per state; the delivery latency.
 */
@ApplicationScoped
public class MailMetrics implements MailActivity.Observer {

    /** How long one reading of the queue depth serves the gauges: longer than a scrape, shorter than two. */
    private static final Duration QUEUE_SNAPSHOT_AGE = Duration.ofSeconds(1);

    @Inject
    private MetricRegistry registry;

    @EJB
    private QueueDepth queueDepth;

    private final Map<MailEvent, Counter> events = new EnumMap<>(MailEvent.class);
    private Timer deliveryLatency;
    /** The six queue gauges of one scrape share one GROUP BY instead of running it six times. */
    private QueueSnapshot queueSnapshot;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        for (MailEvent event : MailEvent.values()) {
            Counter counter = counter(event);
            // what the adapter counted before this application was deployed
            counter.inc(MailActivity.counters().total(event));
            events.put(event, counter);
        }
        MailActivity.counters().commands().forEach((command, count) -> {
            String[] protocolAndVerb = command.split(" ", 2);
            commandCounter(protocolAndVerb[0], protocolAndVerb[1]).inc(count);
        });
        deliveryLatency = registry.timer(Metadata.builder().withName("mail_delivery_latency")
                .withDescription("From acceptance to the remote server's 2xx, per recipient")
                .withUnit(MetricUnits.SECONDS).build());
        // Every listener the adapter can run: it may start after this application.
        for (Listener listener : Listener.values()) {
            registry.gauge(Metadata.builder().withName("mail_sessions_open")
                            .withDescription("Sessions open on a listener now").build(),
                    () -> sessions(listener.label()), new Tag("listener", listener.label()));
        }
        queueSnapshot = new QueueSnapshot(queueDepth::byState, QUEUE_SNAPSHOT_AGE, System::nanoTime);
        for (RecipientStatus state : RecipientStatus.values()) {
            registry.gauge(Metadata.builder().withName("mail_queue_entries")
                            .withDescription("Queue entries in a state, in the database every instance shares").build(),
                    () -> queueSnapshot.get().get(state), new Tag("state", state.name().toLowerCase(Locale.ROOT)));
        }
        MailActivity.observe(this);
    }

    @PreDestroy
    void stop() {
        MailActivity.observe(null);
    }

    @Override
    public void recorded(MailEvent event, long count) {
        events.get(event).inc(count);
    }

    @Override
    public void command(String protocol, String verb) {
        commandCounter(protocol, verb).inc();
    }

    @Override
    public void delivered(Duration sinceAcceptance) {
        deliveryLatency.update(sinceAcceptance);
    }

    private int sessions(String listener) {
        return MailServerStatus.listeners().stream().filter(l -> l.name().equals(listener))
                .mapToInt(ListenerStatus::sessions).sum();
    }

    private Counter commandCounter(String protocol, String verb) {
        return registry.counter(Metadata.builder().withName("mail_commands")
                        .withDescription("Commands received, by protocol and verb").build(),
                new Tag("protocol", protocol), new Tag("verb", verb));
    }

    /**
     * The counter of an event, named by what it counts with the kind as a tag, so that one
     * Prometheus query sums a family: {@code mail_messages_total{outcome="accepted"}}.
     */
    private Counter counter(MailEvent event) {
        return switch (event) {
            case SMTP_SESSION -> family("mail_sessions", "Sessions opened", "protocol", "smtp");
            case POP3_SESSION -> family("mail_sessions", "Sessions opened", "protocol", "pop3");
            case MESSAGE_ACCEPTED -> family("mail_messages", "Messages at the end of DATA or BDAT, by outcome", "outcome", "accepted");
            case MESSAGE_REJECTED -> family("mail_messages", "Messages at the end of DATA or BDAT, by outcome", "outcome", "rejected");
            case RECIPIENT_REJECTED -> family("mail_recipients_rejected", "Recipients refused at RCPT with 5xx", null, null);
            case DELIVERED_LOCALLY -> family("mail_deliveries", "Deliveries per recipient, by outcome", "outcome", "local");
            case RELAYED -> family("mail_deliveries", "Deliveries per recipient, by outcome", "outcome", "relayed");
            case DEFERRED -> family("mail_deliveries", "Deliveries per recipient, by outcome", "outcome", "deferred");
            case BOUNCED -> family("mail_deliveries", "Deliveries per recipient, by outcome", "outcome", "bounced");
            case AUTH_FAILURE -> family("mail_auth_failures", "Failed logins, SMTP and POP3", null, null);
        };
    }

    private Counter family(String name, String description, String tag, String value) {
        Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
        return tag == null ? registry.counter(metadata) : registry.counter(metadata, new Tag(tag, value));
    }
}
