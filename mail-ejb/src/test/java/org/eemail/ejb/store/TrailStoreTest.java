// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** TrailStore on H2, the embedded database. */
class TrailStoreTest extends TrailStoreContract {

    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.h2();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    TestDatabase db() {
        return db;
    }
}
