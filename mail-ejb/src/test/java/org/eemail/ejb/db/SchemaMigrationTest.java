// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    @Test
    void largeBinariesAreByteaOnPostgresAndBlobElsewhere() {
        assertEquals("BYTEA", SchemaMigration.binaryType("PostgreSQL"));
        assertEquals("BLOB", SchemaMigration.binaryType("H2"));
        assertEquals("BLOB", SchemaMigration.binaryType(null));
    }

    @Test
    void theStartupMethodHasNoOverload() {
        long named = Arrays.stream(SchemaMigration.class.getDeclaredMethods()).map(Method::getName)
                .filter("migrate"::equals).count();
        assertEquals(1, named, "Payara picks the @PostConstruct method by name and may call an overload");
    }
}
