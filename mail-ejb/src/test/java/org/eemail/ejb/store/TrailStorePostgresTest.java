// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** TrailStore on PostgreSQL, the production database; skipped when it is not running. */
class TrailStorePostgresTest extends TrailStoreContract {

    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.postgres();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    TestDatabase db() {
        return db;
    }
}
