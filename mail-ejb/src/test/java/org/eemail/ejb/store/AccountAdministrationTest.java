// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** AccountAdministration on H2, the embedded database. */
class AccountAdministrationTest extends AccountAdministrationContract {

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
