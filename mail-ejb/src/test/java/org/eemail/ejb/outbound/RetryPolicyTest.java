// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5));
    private final Instant now = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void doublesFromFiveMinutesUpToAnHour() {
        List<Long> minutes = List.of(1, 2, 3, 4, 5, 6, 20).stream()
                .map(attempts -> Duration.between(now, policy.nextAttempt(attempts, now)).toMinutes()).toList();
        assertEquals(List.of(5L, 10L, 20L, 40L, 60L, 60L, 60L), minutes);
    }

    @Test
    void expiresAfterItsLifetime() {
        Instant created = now.minus(Duration.ofDays(5));
        assertTrue(policy.expired(created, now));
        assertFalse(policy.expired(created.plusSeconds(1), now));
    }
}
