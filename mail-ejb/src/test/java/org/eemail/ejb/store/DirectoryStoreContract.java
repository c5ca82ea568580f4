// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.eemail.ra.api.AddressInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.eemail.ejb.domain.StoredMessage;
import org.eemail.ra.api.AddressInfo.Kind;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DirectoryStore against a real database; {@link DirectoryStoreTest} and the PostgreSQL one run it. */
abstract class DirectoryStoreContract {

    private static final long QUOTA = 10_000;

    abstract TestDatabase db();

    @BeforeEach
    void directory() {
        db().clear();
        db().run(em -> {
            Fixtures.domain(em, "example.test");
            Fixtures.account(em, "alice@example.test", 0);
            Fixtures.account(em, "bob@example.test", QUOTA);
            Fixtures.account(em, "carol@example.test", QUOTA * 2);
            Fixtures.account(em, "gone@example.test", 0);
            Fixtures.disable(em, "gone@example.test");
            Fixtures.alias(em, "team@example.test", "bob@example.test", "carol@example.test", "x@far.example");
            Fixtures.alias(em, "out@example.test", "x@far.example");
            Fixtures.alias(em, "ghost@example.test", "gone@example.test");
        });
    }

    @Test
    void anUnlimitedAccountHasAllTheRoomThereIs() {
        assertEquals(new AddressInfo(Kind.LOCAL, Long.MAX_VALUE), lookup("alice@example.test"));
        assertEquals(new AddressInfo(Kind.LOCAL, Long.MAX_VALUE), lookup("Alice@EXAMPLE.test"));
    }

    @Test
    void remainingQuotaIsQuotaLessWhatTheMailboxHolds() {
        assertEquals(new AddressInfo(Kind.LOCAL, QUOTA), lookup("bob@example.test"));

        long first = deliver("bob@example.test", 1000);
        long second = deliver("bob@example.test", 2000);

        assertEquals(new AddressInfo(Kind.LOCAL, QUOTA - first - second), lookup("bob@example.test"));
        deliver("bob@example.test", (int) QUOTA);
        assertEquals(new AddressInfo(Kind.LOCAL, 0), lookup("bob@example.test"), "over quota is no room, not less");
    }

    @Test
    void anAliasHasTheRoomOfItsFullestLocalTarget() {
        long stored = deliver("carol@example.test", 15_000);
        assertEquals(new AddressInfo(Kind.LOCAL, QUOTA * 2 - stored), lookup("team@example.test"));

        long bobs = deliver("bob@example.test", 9_000);
        assertEquals(new AddressInfo(Kind.LOCAL, QUOTA - bobs), lookup("team@example.test"));
        assertEquals(new AddressInfo(Kind.LOCAL, Long.MAX_VALUE), lookup("out@example.test"), "foreign targets only");
    }

    @Test
    void nobodyHereIsUnknownLocal() {
        assertEquals(AddressInfo.UNKNOWN_LOCAL, lookup("nobody@example.test"));
        assertEquals(AddressInfo.UNKNOWN_LOCAL, lookup("gone@example.test"), "a disabled account");
        assertEquals(AddressInfo.UNKNOWN_LOCAL, lookup("ghost@example.test"), "an alias to a disabled account");
        assertEquals(AddressInfo.UNKNOWN_LOCAL, lookup("\"john doe\"@Example.TEST"), "unparsable, our domain");
        assertEquals(AddressInfo.UNKNOWN_LOCAL, lookup("postmaster"), "no domain at all");
        assertEquals(AddressInfo.UNKNOWN_LOCAL, lookup(null));
    }

    @Test
    void otherDomainsAreForeign() {
        assertEquals(AddressInfo.FOREIGN, lookup("alice@far.example"));
        assertEquals(AddressInfo.FOREIGN, lookup("\"john doe\"@far.example"), "unparsable, another domain");
        assertEquals(AddressInfo.FOREIGN, lookup("user@[192.0.2.1]"), "an address literal");
    }

    @Test
    void authenticatesEnabledAccountsByAddress() {
        assertEquals(Optional.of("alice@example.test"), authenticate("Alice@Example.test", Fixtures.PASSWORD));
        assertEquals(Optional.empty(), authenticate("alice@example.test", "wrong"));
        assertEquals(Optional.empty(), authenticate("gone@example.test", Fixtures.PASSWORD));
        assertEquals(Optional.empty(), authenticate("team@example.test", Fixtures.PASSWORD));
        assertEquals(Optional.empty(), authenticate("nobody@example.test", Fixtures.PASSWORD));
        assertEquals(Optional.empty(), authenticate("not an address", Fixtures.PASSWORD));
        assertEquals(Optional.empty(), authenticate(null, null));
    }

    @Test
    void anUnknownUserCostsAPasswordCheckToo() {
        db().run(em -> {
            DirectoryStore store = store(em);
            store.authenticate("nobody@example.test", "warm-up");
            long known = fastest(() -> store.authenticate("alice@example.test", "wrong"));
            long unknown = fastest(() -> store.authenticate("nobody@example.test", "wrong"));
            long garbage = fastest(() -> store.authenticate("not an address", "wrong"));

            assertTrue(unknown > known / 3, "unknown user " + unknown + " ns, known " + known + " ns");
            assertTrue(garbage > known / 3, "unparsable user " + garbage + " ns, known " + known + " ns");
        });
    }

    @Test
    void sendersAreTheUserAndAliasesThatReachThem() {
        assertTrue(mayUseSender("bob@example.test", "bob@example.test"));
        assertTrue(mayUseSender("bob@example.test", "BOB@example.test"));
        assertTrue(mayUseSender("bob@example.test", "team@example.test"));
        assertTrue(mayUseSender("bob@example.test", ""), "the null sender");
        assertFalse(mayUseSender("alice@example.test", "team@example.test"), "not among its targets");
        assertFalse(mayUseSender("alice@example.test", "bob@example.test"));
        assertFalse(mayUseSender("alice@example.test", "alice@far.example"));
        assertFalse(mayUseSender("alice@example.test", "not an address"));
        assertFalse(mayUseSender(null, ""));
    }

    private AddressInfo lookup(String address) {
        return db().call(em -> store(em).lookup(address));
    }

    private Optional<String> authenticate(String user, String password) {
        return db().call(em -> store(em).authenticate(user, password));
    }

    private boolean mayUseSender(String identity, String sender) {
        return db().call(em -> store(em).mayUseSender(identity, sender));
    }

    /** Delivers a message of about {@code octets} and returns its stored size. */
    private long deliver(String account, int octets) {
        byte[] content = new byte[octets];
        long id = db().call(em -> MessageStoreContract.store(em).accept(
                MessageStoreContract.message("a@far.example", List.of(Recipient.of(account)), content)).storedMessageId());
        return db().call(em -> em.find(StoredMessage.class, id).getSize());
    }

    /** The least of three timings, to see past a busy machine. */
    private static long fastest(Runnable action) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            action.run();
            least = Math.min(least, System.nanoTime() - start);
        }
        return least;
    }

    private static DirectoryStore store(EntityManager em) {
        return TestDatabase.inject(new DirectoryStore(), em);
    }
}
