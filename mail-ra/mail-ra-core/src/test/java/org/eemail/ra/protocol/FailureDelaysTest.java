// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureDelaysTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theWaitDoublesPerFailureUpToThirtySeconds() {
        FailureDelays delays = new FailureDelays(new HandClock());
        long[] seconds = new long[8];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = delays.failed("192.0.2.1").toSeconds();
        }
        assertEquals("[1, 2, 4, 8, 16, 30, 30, 30]", java.util.Arrays.toString(seconds));
        assertEquals(Duration.ofSeconds(1), delays.failed("192.0.2.2"), "each address has its own count");
    }

    @Test
    void aSuccessOrFifteenQuietMinutesForgetTheFailures() {
        HandClock clock = new HandClock();
        FailureDelays delays = new FailureDelays(clock);
        delays.failed("192.0.2.1");
        delays.failed("192.0.2.1");
        delays.succeeded("192.0.2.1");
        assertEquals(Duration.ofSeconds(1), delays.failed("192.0.2.1"));
        delays.failed("192.0.2.1");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertEquals(Duration.ofSeconds(1), delays.failed("192.0.2.1"));
    }
}
