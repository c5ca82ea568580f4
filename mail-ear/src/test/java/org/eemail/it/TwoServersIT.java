// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eemail.ejb.outbound.TestDnsServer;
import org.eemail.ejb.outbound.TestSmtpPeer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two servers on one PostgreSQL database deliver each recipient once: the one Arquillian runs
 * ({@code EHLO mx.test}) and a second process on the same database ({@code EHLO mx2.test},
 * {@link ServerProcess}). Messages go in through both while the remote server refuses every
 * recipient with 4xx, so entries pile up in the shared queue and both queue runners keep claiming
 * them; then the remote server takes a few recipients from the second server only, then a few
 * from the first only (so each is seen delivering), then everything from both.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.database", matches = "postgresql",
        disabledReason = "two processes share a database only on PostgreSQL: the embedded H2 database is a file one process holds")
class TwoServersIT {

    private static final String PEER = "127.0.0.4";
    private static final String FIRST = "EHLO mx.test";
    private static final String SECOND = "EHLO mx2.test";
    private static final String EVERYONE = "everyone";
    private static final int MESSAGES_PER_SERVER = 100;
    private static final int RECIPIENTS_PER_MESSAGE = 3;

    /** A few per server: either could deliver everything in a second, leaving nothing to the other. */
    private static final int ACCEPTED_PER_PHASE = 10;

    private volatile String accepting = "nobody";
    private final AtomicInteger acceptedInPhase = new AtomicInteger();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    @Test
    void eachRecipientIsDeliveredOnceThoughBothServersClaimFromTheQueue() throws Exception {
        MailFixture.ensure();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestDnsServer dns = new TestDnsServer(Server.port("dns"));
             TestSmtpPeer peer = new TestSmtpPeer(PEER, Server.port("mx"));
             ServerProcess second = ServerProcess.start("twin", Map.of("mail.hostname", "mx2.test"), List.of())) {
            dns.mx("twice.test", 10, "mx.twice.test").a("mx.twice.test", PEER);
            peer.rcptReply((hello, recipient) -> {
                if (EVERYONE.equals(accepting)
                        || accepting.equals(hello) && acceptedInPhase.incrementAndGet() <= ACCEPTED_PER_PHASE) {
                    return "250 2.1.5 Ok";
                }
                refused.add(recipient);
                return "451 4.3.2 Not now";
            });

            List<String> recipients = new ArrayList<>();
            recipients.addAll(submit(Server.port("submission"), run + "-a"));
            recipients.addAll(submit(second.port("submission"), run + "-b"));
            assertTrue(waitFor(() -> refused.containsAll(recipients), 180),
                    "every recipient tried and deferred once: " + refused.size() + " of " + recipients.size());

            acceptedInPhase.set(0);
            accepting = SECOND;
            assertTrue(waitFor(() -> deliveredBy(peer, SECOND) > 0, 90), "the second server delivered nothing");
            acceptedInPhase.set(0);
            accepting = FIRST;
            assertTrue(waitFor(() -> deliveredBy(peer, FIRST) > 0, 90), "the first server delivered nothing");
            accepting = EVERYONE;
            assertTrue(waitFor(() -> delivered(peer).size() >= recipients.size(), 300),
                    "delivered " + delivered(peer).size() + " of " + recipients.size());
            // Longer than a poll interval and a retry: a duplicate would have come by now.
            Thread.sleep(TimeUnit.SECONDS.toMillis(15));

            Map<String, Long> times = delivered(peer).stream()
                    .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
            assertEquals(Set.copyOf(recipients), times.keySet());
            assertEquals(Map.of(), times.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "delivered more than once");
            assertEquals(0, waitingInQueue(), "the queue still holds entries for twice.test");
            System.out.printf("TwoServersIT: %d recipients, %d delivered by the first server, %d by the second%n",
                    recipients.size(), deliveredBy(peer, FIRST), deliveredBy(peer, SECOND));
        }
    }

    /** Sends the messages of one server over one submission connection; returns their recipients. */
    private static List<String> submit(int port, String prefix) throws Exception {
        Session session = OutboundMail.submission(port, "alice@example.test");
        List<String> all = new ArrayList<>();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("alice@example.test", "alice-pw");
            for (int m = 0; m < MESSAGES_PER_SERVER; m++) {
                String[] recipients = new String[RECIPIENTS_PER_MESSAGE];
                InternetAddress[] addresses = new InternetAddress[RECIPIENTS_PER_MESSAGE];
                for (int r = 0; r < RECIPIENTS_PER_MESSAGE; r++) {
                    recipients[r] = prefix + "-" + m + "-" + r + "@twice.test";
                    addresses[r] = new InternetAddress(recipients[r]);
                }
                transport.sendMessage(OutboundMail.message(session, "twice " + prefix + " " + m, recipients), addresses);
                all.addAll(List.of(recipients));
            }
        }
        return all;
    }

    /** Every recipient the peer accepted a message for, once per delivery. */
    private static List<String> delivered(TestSmtpPeer peer) {
        return peer.received().stream().flatMap(r -> r.rcptTo().stream())
                .map(line -> line.substring(line.indexOf('<') + 1, line.indexOf('>'))).toList();
    }

    private static long deliveredBy(TestSmtpPeer peer, String hello) {
        return peer.received().stream().filter(r -> hello.equals(r.hello())).mapToLong(r -> r.rcptTo().size()).sum();
    }

    /** Entries for twice.test not delivered yet, read from the shared database. */
    private static long waitingInQueue() throws Exception {
        Properties settings = ServerProcess.executionProperties();
        try (Connection db = DriverManager.getConnection(settings.getProperty("mail.db.url"),
                settings.getProperty("mail.db.user"), settings.getProperty("mail.db.password", ""));
             PreparedStatement query = db.prepareStatement(
                     "SELECT COUNT(*) FROM queue_entry WHERE recipient LIKE '%@twice.test' AND state <> 'DELIVERED'");
             ResultSet count = query.executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }

    private static boolean waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }
}
