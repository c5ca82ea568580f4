// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eemail.ejb.domain.AdminUser;
import org.eemail.ejb.store.AdminUserStore;
import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

    /** The administrators table as two instances of a cluster see it, starting at once on an empty database. */
    private static final class RacedStore extends AdminUserStore {
        private final List<AdminUser> rows = new ArrayList<>();
        private final AdminUser otherInstances;
        private boolean otherInstanceCommitted;

        RacedStore(AdminUser otherInstances) {
            this.otherInstances = otherInstances;
        }

        @Override
        public Optional<AdminUser> find(String username) {
            return rows.stream().filter(u -> otherInstanceCommitted || u != otherInstances).findFirst();
        }

        /** The other instance committed its row after this one looked and before it inserted. */
        @Override
        public AdminUser create(String username, String passwordHash) {
            rows.add(otherInstances);
            otherInstanceCommitted = true;
            throw new EJBException("duplicate key value violates unique constraint \"uq_admin_user_username\"");
        }
    }

    @Test
    void anInstanceThatLosesTheRaceToStoreTheAdministratorKeepsTheOneStoredFirst() {
        AdminUser theirs = new AdminUser(AdminCredentials.ADMIN, PasswordHasher.hash("stored by the other instance"));
        AdminCredentials credentials = new AdminCredentials();
        RacedStore store = new RacedStore(theirs);
        credentials.users = store;

        assertFalse(credentials.storeAdminUnlessStored(PasswordHasher.hash("ours")));
        assertSame(theirs, store.find(AdminCredentials.ADMIN).orElseThrow());
    }

    @Test
    void aStoredAdministratorIsKept() {
        AdminUser stored = new AdminUser(AdminCredentials.ADMIN, PasswordHasher.hash("kept"));
        AdminCredentials credentials = new AdminCredentials();
        RacedStore store = new RacedStore(new AdminUser(AdminCredentials.ADMIN, PasswordHasher.hash("other")));
        store.rows.add(stored);
        credentials.users = store;

        assertFalse(credentials.storeAdminUnlessStored(PasswordHasher.hash("new")));
        assertEquals(List.of(stored), store.rows);
    }
}
