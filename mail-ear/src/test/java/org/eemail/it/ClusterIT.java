// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eemail.ejb.outbound.TestDnsServer;
import org.eemail.ejb.outbound.TestSmtpPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two instances of {@code mail-server.jar} on Payara Micro, formed into one Hazelcast cluster
 * over loopback ({@link ServerProcess#startCluster}: both report a data grid of 2 members), share
 * one PostgreSQL database of their own and, as instances on one machine may, one data directory.
 * Each test proves one promise of a cluster: mail accepted on one instance is read over POP3 on
 * the other at once; a POP3 maildrop is locked across instances; each queued recipient is
 * delivered once however many queue runners claim from the shared queue; and when an instance is
 * killed ({@code kill -9}) in the middle of deliveries, the other delivers its entries once their
 * lease ({@code mail.queue.lease}, 10 s here) runs out. The kill comes last.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "postgresql",
        disabledReason = "instances share a database only on PostgreSQL: the embedded H2 database is a file one process holds")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String CLUSTER = "cluster";
    private static final String DOMAIN = "cluster.test";
    private static final String PASSWORD = "cluster pw";
    private static final String SENDER = "sender@" + DOMAIN;
    private static final String PEER = "127.0.0.4";
    private static final String LEASE = "PT10S";
    private static final String FIRST_HELLO = "EHLO mx1.cluster.test";
    private static final String SECOND_HELLO = "EHLO mx2.cluster.test";

    private static String databaseUrl;
    private static List<ServerProcess> members;
    private static ServerProcess first;
    private static ServerProcess second;
    private static TestDnsServer dns;
    private static TestSmtpPeer peer;

    @BeforeAll
    static void startTheCluster() throws Exception {
        dns = new TestDnsServer(Server.port("dns"));
        peer = new TestSmtpPeer(PEER, Server.port("mx"));
        Map<String, String> shared = new HashMap<>(ServerProcess.ownDatabase(CLUSTER));
        databaseUrl = shared.get("mail.db.url");
        shared.put("mail.queue.lease", LEASE);
        Map<String, Map<String, String>> instances = new LinkedHashMap<>();
        instances.put("node1", Map.of("mail.hostname", "mx1.cluster.test"));
        instances.put("node2", Map.of("mail.hostname", "mx2.cluster.test"));
        members = ServerProcess.startCluster(CLUSTER, instances, shared);
        first = members.get(0);
        second = members.get(1);
        assertEquals(2, first.gridSize(), "node1's data grid");
        assertEquals(2, second.gridSize(), "node2's data grid");

        AdminClient.Reply domain = first.admin().post("/api/v1/domains", "{\"name\":\"" + DOMAIN + "\"}");
        assertEquals(201, domain.status(), domain.toString());
        AdminClient.Reply sender = second.admin().post("/api/v1/accounts",
                "{\"address\":\"" + SENDER + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, sender.status(), "an account made on node2 in a domain made on node1: " + sender);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (members != null) {
            for (ServerProcess member : members) {
                member.close();
            }
        }
        if (peer != null) {
            peer.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    /**
     * First of all: it is each instance's first POP3 login since its start, when an instance
     * clears the locks its former run left under its name. Named only after the machine and the
     * data directory both share, node2 took node1's lock for its own former one and cleared it.
     */
    @Test
    @Order(1)
    void aMaildropOpenOnOneInstanceIsInUseOnTheOtherUntilQuit() throws Exception {
        String account = newAccount(first);
        try (RawPop3 onFirst = RawPop3.login(first.port("pop3"), account, PASSWORD);
             RawPop3 onSecond = RawPop3.connect(second.port("pop3"))) {
            onSecond.command("USER " + account);
            assertEquals("-ERR [IN-USE] Maildrop is locked by another session", onSecond.command("PASS " + PASSWORD));
            assertTrue(onFirst.command("QUIT").startsWith("+OK "));
            onSecond.command("USER " + account);
            assertTrue(onSecond.command("PASS " + PASSWORD).startsWith("+OK "), "free on node2 after QUIT on node1");

            try (RawPop3 again = RawPop3.connect(first.port("pop3"))) {
                again.command("USER " + account);
                assertEquals("-ERR [IN-USE] Maildrop is locked by another session", again.command("PASS " + PASSWORD),
                        "and now node1 finds node2's session");
            }
            assertTrue(onSecond.command("QUIT").startsWith("+OK "));
        }
        RawPop3.login(first.port("pop3"), account, PASSWORD).close();
    }

    @Test
    @Order(2)
    void mailAcceptedOnOneInstanceIsRetrievedOverPop3OnTheOtherAtOnce() throws Exception {
        for (List<ServerProcess> direction : List.of(List.of(first, second), List.of(second, first))) {
            ServerProcess accepting = direction.get(0);
            ServerProcess reading = direction.get(1);
            String account = newAccount(reading);
            String body = "accepted on " + accepting.port("smtp") + ", read on " + reading.port("pop3");
            RawSmtp.deliver(accepting.port("smtp"), account,
                    ("Subject: across\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8));
            // No wait: the 250 came after the commit, and the other instance reads the same database.
            try (RawPop3 pop3 = RawPop3.login(reading.port("pop3"), account, PASSWORD)) {
                assertTrue(pop3.command("STAT").startsWith("+OK 1 "), "the message is there at once");
                assertTrue(pop3.command("RETR 1").startsWith("+OK "));
                String retrieved = new String(pop3.multiLine(), StandardCharsets.UTF_8);
                assertTrue(retrieved.contains("Subject: across\r\n") && retrieved.endsWith("\r\n\r\n" + body + "\r\n"), retrieved);
                assertTrue(pop3.command("QUIT").startsWith("+OK "));
            }
        }
    }

    /**
     * The remote server refuses every recipient with 4xx until all were tried, so entries pile up
     * in the shared queue and both queue runners keep claiming them; then it takes a few from
     * node2 only, then a few from node1 only (so each is seen delivering), then everything.
     */
    @Test
    @Order(3)
    void eachQueuedRecipientIsDeliveredOnceThoughBothInstancesRunTheQueue() throws Exception {
        AtomicInteger acceptedInPhase = new AtomicInteger();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        AtomicReference<String> accepting = new AtomicReference<>("nobody");
        dns.mx("once.test", 10, "mx.once.test").a("mx.once.test", PEER);
        peer.rcptReply((hello, recipient) -> {
            String now = accepting.get();
            if (now.equals("everyone") || now.equals(hello) && acceptedInPhase.incrementAndGet() <= 10) {
                return "250 2.1.5 Ok";
            }
            refused.add(recipient);
            return "451 4.3.2 Not now";
        });
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        recipients.addAll(submit(first, run + "-a", "once.test", 100));
        recipients.addAll(submit(second, run + "-b", "once.test", 100));
        assertTrue(waitFor(() -> refused.containsAll(recipients), 180),
                "every recipient tried and deferred once: " + refused.size() + " of " + recipients.size());

        acceptedInPhase.set(0);
        accepting.set(SECOND_HELLO);
        assertTrue(waitFor(() -> arrivals("once.test").by(SECOND_HELLO).size() > 0, 90), "node2 delivered nothing");
        acceptedInPhase.set(0);
        accepting.set(FIRST_HELLO);
        assertTrue(waitFor(() -> arrivals("once.test").by(FIRST_HELLO).size() > 0, 90), "node1 delivered nothing");
        accepting.set("everyone");
        assertTrue(waitFor(() -> arrivals("once.test").all().size() >= recipients.size(), 300),
                "delivered " + arrivals("once.test").all().size() + " of " + recipients.size());
        // Longer than a poll interval, a retry and a lease: a duplicate would have come by now.
        Thread.sleep(TimeUnit.SECONDS.toMillis(15));

        Map<String, Long> times = arrivals("once.test").all().stream()
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        assertEquals(Set.copyOf(recipients), times.keySet(), "none missing, none made up");
        assertEquals(Map.of(), times.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "delivered more than once");
        assertEquals(0, waitingInQueue("once.test"), "the queue still holds entries for once.test");
        System.out.printf("ClusterIT: %d recipients delivered once each, %d by node1, %d by node2%n",
                recipients.size(), arrivals("once.test").by(FIRST_HELLO).size(), arrivals("once.test").by(SECOND_HELLO).size());
    }

    /**
     * The remote server stalls node2's deliveries at RCPT (node1's go through), node2 is killed
     * while it waits there, and node1 delivers what node2 held once the lease runs out.
     */
    @Test
    @Order(4)
    void whenAnInstanceIsKilledMidDeliveryTheOtherDeliversItsEntriesAfterTheLease() throws Exception {
        Set<String> stalled = ConcurrentHashMap.newKeySet();
        AtomicBoolean stalling = new AtomicBoolean(true);
        dns.mx("survive.test", 10, "mx.survive.test").a("mx.survive.test", PEER);
        peer.rcptReply((hello, recipient) -> {
            if (SECOND_HELLO.equals(hello) && stalling.get()) {
                stalled.add(recipient);
                while (stalling.get()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
                return "451 4.3.2 Too late";
            }
            return "250 2.1.5 Ok";
        });
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = submit(second, run, "survive.test", 20);
        assertTrue(waitFor(() -> !stalled.isEmpty(), 60), "node2 never started a delivery");
        Thread.sleep(1000);

        Set<String> heldByTheKilled = Set.copyOf(stalled);
        long killed = System.nanoTime();
        second.kill();
        // node1's deliveries do not stall: what is still in delivery now, node2 had claimed.
        long leftInDelivery = inQueue("survive.test", "state = 'IN_DELIVERY'");
        first.awaitGridSize(1, 60);
        double noticed = (System.nanoTime() - killed) / 1e9;
        stalling.set(false);

        assertTrue(waitFor(() -> arrivals("survive.test").all().containsAll(recipients), 120),
                "delivered " + Set.copyOf(arrivals("survive.test").all()).size() + " of " + recipients.size());
        double seconds = (System.nanoTime() - killed) / 1e9;
        List<String> bySecond = arrivals("survive.test").by(SECOND_HELLO);
        assertEquals(List.of(), bySecond.stream().filter(heldByTheKilled::contains).toList(),
                "node2 died before it could deliver what it held");
        assertTrue(arrivals("survive.test").by(FIRST_HELLO).containsAll(heldByTheKilled),
                "node1 delivered what node2 held");
        assertEquals(0, waitingInQueue("survive.test"), "the queue still holds entries for survive.test");
        assertTrue(leftInDelivery > 0, "nothing was in delivery when node2 was killed");
        System.out.printf("ClusterIT: node2 killed with %d of %d recipients claimed (%d of them at RCPT); node1's data"
                + " grid lost it after %.1f s; all %d recipients arrived %.1f s after the kill (lease %s)%n",
                leftInDelivery, recipients.size(), heldByTheKilled.size(), noticed, recipients.size(), seconds, LEASE);
    }

    private static Arrivals arrivals(String domain) {
        return new Arrivals(peer, domain);
    }

    private static String newAccount(ServerProcess server) throws Exception {
        String address = "u" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        AdminClient.Reply created = server.admin().post("/api/v1/accounts",
                "{\"address\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, created.status(), created.toString());
        return address;
    }

    /** Messages of 3 recipients each, submitted to {@code server}; returns the recipients. */
    private static List<String> submit(ServerProcess server, String prefix, String domain, int messages) throws Exception {
        return OutboundMail.submitMany(server.port("submission"), SENDER, PASSWORD, prefix, domain, messages, 3);
    }

    /** Entries for {@code domain} not delivered yet, read from the cluster's database. */
    private static long waitingInQueue(String domain) throws Exception {
        return inQueue(domain, "state <> 'DELIVERED'");
    }

    private static long inQueue(String domain, String condition) throws Exception {
        Properties settings = ServerProcess.executionProperties();
        try (Connection db = DriverManager.getConnection(databaseUrl,
                settings.getProperty("mail.db.user"), settings.getProperty("mail.db.password", ""));
             PreparedStatement query = db.prepareStatement(
                     "SELECT COUNT(*) FROM queue_entry WHERE recipient LIKE ? AND " + condition)) {
            query.setString(1, "%@" + domain);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
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
