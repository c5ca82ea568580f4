// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.AdminUser;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.store.IncomingMessage.Recipient;
import org.eemail.ra.api.AddressInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console changes on accounts and administrators, against a real database;
 * {@link AccountAdministrationTest} and the PostgreSQL one run it.
 */
abstract class AccountAdministrationContract {

    private static final MailAddress ALICE = MailAddress.parse("alice@example.test");
    private static final MailAddress BOB = MailAddress.parse("bob@example.test");

    abstract TestDatabase db();

    @BeforeEach
    void accounts() {
        db().clear();
        db().run(em -> {
            em.createQuery("DELETE FROM AdminUser").executeUpdate();
            Fixtures.domain(em, "example.test");
            Fixtures.account(em, ALICE.toString(), 0);
            Fixtures.account(em, BOB.toString(), 0);
        });
    }

    @Test
    void usageIsWhatEachMailboxHolds() {
        byte[] content = "Subject: x\r\n\r\n0123456789\r\n".getBytes(StandardCharsets.US_ASCII);
        long id = db().call(em -> {
            MessageStoreContract.store(em).accept(MessageStoreContract.message("a@sender.example",
                    List.of(Recipient.of(ALICE.toString())), content));
            return MessageStoreContract.store(em).accept(MessageStoreContract.message("a@sender.example",
                    List.of(Recipient.of(ALICE.toString())), content)).storedMessageId();
        });
        long stored = db().call(em -> em.createQuery("SELECT s.size FROM StoredMessage s WHERE s.id = :id", Long.class)
                .setParameter("id", id).getSingleResult());

        assertEquals(2 * stored, (long) db().call(em -> accounts(em).usage(ALICE)));
        assertEquals(0L, (long) db().call(em -> accounts(em).usage(BOB)));
        Map<Long, Long> all = db().call(em -> accounts(em).usage());
        long aliceId = db().call(em -> accounts(em).find(ALICE).map(Account::getId).orElseThrow());
        assertEquals(Map.of(aliceId, 2 * stored), all);
    }

    @Test
    void aDisabledAccountCannotLogInNorReceiveAndKeepsItsMail() {
        db().run(em -> accounts(em).changeEnabled(ALICE, false));

        assertEquals(Optional.empty(), db().call(em -> directory(em).authenticate(ALICE.toString(), Fixtures.PASSWORD)));
        assertEquals(AddressInfo.Kind.UNKNOWN_LOCAL, db().call(em -> directory(em).lookup(ALICE.toString())).kind());

        db().run(em -> accounts(em).changeEnabled(ALICE, true));
        assertEquals(Optional.of(ALICE.toString()),
                db().call(em -> directory(em).authenticate(ALICE.toString(), Fixtures.PASSWORD)));
        assertThrows(StoreException.class,
                () -> db().run(em -> accounts(em).changeEnabled(MailAddress.parse("nobody@example.test"), false)));
    }

    @Test
    void administratorsComeAndGoButTheLastOneStays() {
        db().run(em -> admins(em).create("admin", "hash-a"));
        db().run(em -> admins(em).create("ops", "hash-o"));
        StoreException taken = assertThrows(StoreException.class, () -> db().run(em -> admins(em).create("ops", "x")));
        assertEquals(StoreException.Kind.CONFLICT, taken.kind());

        assertEquals(List.of("admin", "ops"), names());
        db().run(em -> admins(em).changePassword("ops", "hash-o2"));
        assertEquals("hash-o2", db().call(em -> admins(em).find("ops")).orElseThrow().getPasswordHash());

        db().run(em -> admins(em).delete("admin"));
        assertEquals(List.of("ops"), names());
        StoreException last = assertThrows(StoreException.class, () -> db().run(em -> admins(em).delete("ops")));
        assertEquals(StoreException.Kind.CONFLICT, last.kind());
        StoreException unknown = assertThrows(StoreException.class, () -> db().run(em -> admins(em).delete("nobody")));
        assertEquals(StoreException.Kind.NOT_FOUND, unknown.kind());
        assertEquals(List.of("ops"), names());
    }

    private List<String> names() {
        return db().call(em -> admins(em).list()).stream().map(AdminUser::getUsername).toList();
    }

    private static AccountStore accounts(EntityManager em) {
        return TestDatabase.inject(new AccountStore(), em);
    }

    private static DirectoryStore directory(EntityManager em) {
        return TestDatabase.inject(new DirectoryStore(), em);
    }

    private static AdminUserStore admins(EntityManager em) {
        return TestDatabase.inject(new AdminUserStore(), em);
    }
}
