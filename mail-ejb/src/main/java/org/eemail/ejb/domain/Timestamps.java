// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision H2 and PostgreSQL keep (microseconds), so that an entity
 * shows the same creation time right after it is saved as when it is read back later.
 */
final class Timestamps {

    private Timestamps() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
