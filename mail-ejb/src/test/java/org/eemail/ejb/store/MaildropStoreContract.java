// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.security.ApopSecrets;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.api.PartialOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MaildropStore against a real database; {@link MaildropStoreTest} and the PostgreSQL one run it. */
abstract class MaildropStoreContract {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LAPSED = Duration.ofSeconds(-1);
    private static final String ALICE = "alice@example.test";
    private static final String BOB = "bob@example.test";

    abstract TestDatabase db();

    @BeforeEach
    void domainWithAccounts() {
        db().clear();
        db().run(em -> {
            Fixtures.domain(em, "example.test");
            Fixtures.account(em, ALICE, 0);
            Fixtures.account(em, BOB, 0);
        });
    }

    @Test
    void listsTheMaildropOldestFirstWithTheSizesCopySends() {
        byte[] first = "Subject: one\r\n\r\n.dot line\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "Subject: zwei\r\n\r\nGr\u00fc\u00dfe, 8-bit\r\n".getBytes(StandardCharsets.UTF_8);
        deliver(first, ALICE);
        deliver(second, ALICE);

        List<MaildropEntry> maildrop = open(ALICE, "s1", LEASE).orElseThrow();

        assertEquals(2, maildrop.size());
        assertTrue(maildrop.get(0).uid() < maildrop.get(1).uid(), "oldest first: " + maildrop);
        for (MaildropEntry entry : maildrop) {
            byte[] sent = copy(ALICE, entry.uid());
            assertEquals(entry.size(), sent.length, "LIST size = octets RETR sends");
        }
        assertTrue(new String(copy(ALICE, maildrop.get(1).uid()), StandardCharsets.UTF_8)
                .endsWith("\r\nSubject: zwei\r\n\r\nGr\u00fc\u00dfe, 8-bit\r\n"), "byte-exact, after the trace fields");
    }

    @Test
    void copyRefusesAnotherAccountsMessage() {
        deliver("x\r\n".getBytes(StandardCharsets.UTF_8), BOB);
        long bobsUid = open(BOB, "s1", LEASE).orElseThrow().get(0).uid();

        assertFalse(copies(ALICE, bobsUid));
        assertFalse(copies(ALICE, bobsUid + 1000));
    }

    @Test
    void aSecondHolderFindsTheMaildropInUseUntilItIsReleased() {
        assertTrue(open(ALICE, "s1", LEASE).isPresent());
        assertTrue(open(ALICE, "s2", LEASE).isEmpty(), "[IN-USE]");
        assertTrue(open(BOB, "s2", LEASE).isPresent(), "another maildrop is free");

        db().run(em -> store(em).release("instance-a", "s1"));

        assertTrue(open(ALICE, "s2", LEASE).isPresent());
    }

    @Test
    void aLockWhoseLeaseRanOutIsTakenOverAndItsHolderCanNoLongerUpdate() {
        deliver("x\r\n".getBytes(StandardCharsets.UTF_8), ALICE);
        long uid = open(ALICE, "dead", LAPSED).orElseThrow().get(0).uid();

        assertTrue(open(ALICE, "s2", LEASE).isPresent(), "an expired lock is free");
        assertFalse(update(ALICE, "dead", Set.of(uid)), "the old holder lost it");
        assertEquals(1, db().count("mailbox_message"), "nothing removed");
    }

    @Test
    void renewingKeepsALockAliveAndReleaseAllFreesEveryLockOfTheInstance() {
        open(ALICE, "s1", LAPSED).orElseThrow();
        open(BOB, "s2", LAPSED).orElseThrow();

        db().run(em -> store(em).renew("instance-a", LEASE));
        assertTrue(open(ALICE, "s3", LEASE).isEmpty(), "renewed: still held");

        db().run(em -> store(em).releaseAll("instance-a"));
        assertEquals(0, db().count("maildrop_lock"));
        assertTrue(open(ALICE, "s3", LEASE).isPresent());
    }

    @Test
    void updateRemovesTheMarkedMessagesAndTheStoredOnesNothingElseRefersTo() {
        long shared = deliver("shared\r\n".getBytes(StandardCharsets.UTF_8), ALICE, BOB);
        long own = deliver("own\r\n".getBytes(StandardCharsets.UTF_8), ALICE);
        long queued = deliver("queued\r\n".getBytes(StandardCharsets.UTF_8), ALICE, "carol@far.example");
        long kept = deliver("kept\r\n".getBytes(StandardCharsets.UTF_8), ALICE);
        List<MaildropEntry> maildrop = open(ALICE, "s1", LEASE).orElseThrow();

        assertTrue(update(ALICE, "s1", Set.of(maildrop.get(0).uid(), maildrop.get(1).uid(), maildrop.get(2).uid())));

        List<Long> left = open(ALICE, "s2", LEASE).orElseThrow().stream().map(MaildropEntry::uid).toList();
        assertEquals(List.of(maildrop.get(3).uid()), left);
        assertEquals(Set.of(shared, queued, kept), Set.copyOf(storedIds()), "own went; bob's and the queue's stay");
        assertEquals(1, open(BOB, "s3", LEASE).orElseThrow().size());
        assertEquals(2, db().count("maildrop_lock"), "s1's lock went with the update; s2 and s3 hold theirs");
        assertFalse(storedIds().contains(own));
    }

    @Test
    void uidsAreNeverGivenAgain() {
        deliver("one\r\n".getBytes(StandardCharsets.UTF_8), ALICE);
        long first = open(ALICE, "s1", LEASE).orElseThrow().get(0).uid();
        assertTrue(update(ALICE, "s1", Set.of(first)));

        deliver("two\r\n".getBytes(StandardCharsets.UTF_8), ALICE);
        long second = open(ALICE, "s2", LEASE).orElseThrow().get(0).uid();

        assertTrue(second > first, second + " after " + first);
    }

    @Test
    void apopChecksTheDigestOfTheTimestampAndTheDecryptedSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ApopSecrets secrets = new ApopSecrets(key);
        db().run(em -> account(em, ALICE).setApopSecret(secrets.encrypt("tanstaaf")));
        String stored = db().call(em -> account(em, ALICE).getApopSecret());
        assertFalse(stored.contains("tanstaaf"), "kept encrypted");
        String timestamp = "<1896.697170952@dbc.mtview.ca.us>";

        Optional<String> right = db().call(em -> apop(em, secrets).authenticateApop(ALICE, timestamp,
                MaildropStore.md5Hex(timestamp + "tanstaaf")));
        Optional<String> wrong = db().call(em -> apop(em, secrets).authenticateApop(ALICE, timestamp,
                MaildropStore.md5Hex(timestamp + "guess")));
        Optional<String> noSecret = db().call(em -> apop(em, secrets).authenticateApop(BOB, timestamp,
                MaildropStore.md5Hex(timestamp)));

        assertEquals(Optional.of(ALICE), right);
        assertEquals(Optional.empty(), wrong);
        assertEquals(Optional.empty(), noSecret);
        assertEquals("c4c9334bac560ecc979e58001b3e22fb", MaildropStore.md5Hex(timestamp + "tanstaaf"), "RFC 1939 §7's example");
    }

    @Test
    void readReturnsTheWholeContentOfTheAccountsEntriesByUidAndLeavesOutTheOthers() {
        deliver("Subject: one\r\n\r\n.dot line\r\n".getBytes(StandardCharsets.UTF_8), ALICE);
        deliver("Subject: zwei\r\n\r\nGr\u00fc\u00dfe\r\n".getBytes(StandardCharsets.UTF_8), ALICE, BOB);
        deliver("no line end".getBytes(StandardCharsets.UTF_8), ALICE);
        List<MaildropEntry> alices = open(ALICE, "s1", LEASE).orElseThrow();
        long bobsUid = open(BOB, "s2", LEASE).orElseThrow().get(0).uid();
        List<Long> asked = List.of(alices.get(0).uid(), alices.get(1).uid(), alices.get(2).uid(), bobsUid, bobsUid + 1000);

        Map<Long, byte[]> read = db().call(em -> store(em).read(ALICE, asked));

        assertEquals(Set.of(alices.get(0).uid(), alices.get(1).uid(), alices.get(2).uid()), read.keySet(),
                "bob's entry and an unknown uid are left out");
        for (MaildropEntry entry : alices) {
            assertArrayEquals(copy(ALICE, entry.uid()), read.get(entry.uid()), "byte-exact, as copy sends it");
            assertEquals(entry.size(), read.get(entry.uid()).length, "the size LIST gives");
        }
    }

    @Test
    void readTakesAnyNumberOfUidsAndAMessageGoneIsLeftOut() {
        for (int i = 0; i < 70; i++) {
            deliver(("Subject: " + i + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8), ALICE);
        }
        List<Long> uids = open(ALICE, "s1", LEASE).orElseThrow().stream().map(MaildropEntry::uid).toList();
        assertTrue(update(ALICE, "s1", Set.of(uids.get(5))));

        Map<Long, byte[]> read = db().call(em -> store(em).read(ALICE, uids));

        assertEquals(69, read.size(), "more than one query's worth, without the removed one");
        assertFalse(read.containsKey(uids.get(5)));
        assertTrue(new String(read.get(uids.get(69)), StandardCharsets.UTF_8).endsWith("\r\nSubject: 69\r\n\r\nbody\r\n"));
        assertEquals(Map.of(), db().call(em -> store(em).read(ALICE, List.of())));
    }

    @Test
    void copyStopsReadingOnceAPartialOutputIsComplete() {
        byte[] large = new byte[20 * 1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        for (int end = 78; end < large.length; end += 80) {
            large[end] = '\r';
            large[end + 1] = '\n';
        }
        deliver(large, ALICE);
        long uid = open(ALICE, "s1", LEASE).orElseThrow().get(0).uid();
        FirstOctets top = new FirstOctets(100);
        boolean found = db().call(em -> store(em).copy(ALICE, uid, top));

        assertTrue(found);

        // The store writes every chunk it reads, so what arrived is what it read of the 20 MB.
        assertTrue(top.received >= 100 && top.received <= MaildropStore.CHUNK, top.received + " octets read");
    }

    /** Counts what is written to it, and is complete once {@code wanted} octets have come (as TOP is). */
    private static final class FirstOctets extends OutputStream implements PartialOutput {

        private final long wanted;
        private long received;

        FirstOctets(long wanted) {
            this.wanted = wanted;
        }

        @Override
        public void write(int b) {
            received++;
        }

        @Override
        public void write(byte[] octets, int offset, int length) {
            received += length;
        }

        @Override
        public boolean complete() {
            return received >= wanted;
        }
    }

    @Test
    void theAdministratorsDeleteRemovesTheStoredMessageWithItsLastReference() {
        long shared = deliver("Subject: both\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8), ALICE, BOB);
        long alicesUid = open(ALICE, "s1", LEASE).orElseThrow().get(0).uid();
        long bobsUid = open(BOB, "s2", LEASE).orElseThrow().get(0).uid();
        db().run(em -> store(em).release("instance-a", "s1"));
        db().run(em -> store(em).release("instance-a", "s2"));

        db().run(em -> store(em).delete(MailAddress.parse(ALICE), alicesUid));
        assertEquals(List.of(shared), storedIds(), "bob still has it");
        db().run(em -> store(em).delete(MailAddress.parse(BOB), bobsUid));
        assertEquals(List.of(), storedIds());
    }

    @Test
    void theAdministratorsDeleteWaitsForAPop3SessionAndKnowsNoOtherMessages() {
        deliver("x\r\n".getBytes(StandardCharsets.UTF_8), ALICE);
        long uid = open(ALICE, "s1", LEASE).orElseThrow().get(0).uid();

        StoreException locked = assertThrows(StoreException.class,
                () -> db().run(em -> store(em).delete(MailAddress.parse(ALICE), uid)));
        assertEquals(StoreException.Kind.CONFLICT, locked.kind());
        StoreException foreign = assertThrows(StoreException.class,
                () -> db().run(em -> store(em).delete(MailAddress.parse(BOB), uid)));
        assertEquals(StoreException.Kind.NOT_FOUND, foreign.kind());

        db().run(em -> store(em).release("instance-a", "s1"));
        db().run(em -> store(em).delete(MailAddress.parse(ALICE), uid));
        assertEquals(List.of(), storedIds());
        StoreException gone = assertThrows(StoreException.class,
                () -> db().run(em -> store(em).delete(MailAddress.parse(ALICE), uid)));
        assertEquals(StoreException.Kind.NOT_FOUND, gone.kind());
    }

    private long deliver(byte[] content, String... recipients) {
        List<Recipient> to = Arrays.stream(recipients).map(Recipient::of).toList();
        return db().call(em -> MessageStoreContract.store(em).accept(MessageStoreContract.message("a@sender.example", to, content)).storedMessageId());
    }

    private Optional<List<MaildropEntry>> open(String account, String session, Duration lease) {
        return db().call(em -> store(em).open(account, "instance-a", session, lease));
    }

    private boolean update(String account, String session, Set<Long> uids) {
        return db().call(em -> store(em).update(account, "instance-a", session, uids));
    }

    private byte[] copy(String account, long uid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = db().call(em -> store(em).copy(account, uid, out));
        assertTrue(found);
        return out.toByteArray();
    }

    private boolean copies(String account, long uid) {
        return db().call(em -> store(em).copy(account, uid, new ByteArrayOutputStream()));
    }

    private List<Long> storedIds() {
        return db().call(em -> em.createQuery("SELECT s.id FROM StoredMessage s", Long.class).getResultList());
    }

    private static Account account(EntityManager em, String address) {
        return em.createNamedQuery(Account.FIND_BY_ADDRESS, Account.class).setParameter("address", address).getSingleResult();
    }

    private static MaildropStore store(EntityManager em) {
        return TestDatabase.inject(new MaildropStore(), em);
    }

    private static MaildropStore apop(EntityManager em, ApopSecrets secrets) {
        MaildropStore store = store(em);
        store.apopSecrets = secrets;
        return store;
    }
}
