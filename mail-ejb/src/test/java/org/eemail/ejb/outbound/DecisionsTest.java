// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.Decision;
import org.junit.jupiter.api.Test;

class DecisionsTest {

    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5));
    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    private static ClaimedEntry entry(int attempts, Instant created) {
        return new ClaimedEntry(1, "t", "b@far.test", null, null, attempts, created, 2, "a@s.test", 10, null, null);
    }

    private static Decision decide(int code, String reply, ClaimedEntry entry) {
        return Decisions.of(new RecipientResult(entry, code, reply, "mx.far.test", true), RETRY, NOW);
    }

    @Test
    void byReplyClass() {
        ClaimedEntry fresh = entry(0, NOW.minusSeconds(10));
        assertEquals(Decision.Kind.DELIVERED, decide(250, "250 Ok", fresh).kind());
        Decision bounced = decide(550, "550 5.1.1 No", fresh);
        assertEquals(Decision.Kind.BOUNCED, bounced.kind());
        assertEquals("5.1.1", bounced.status());
        Decision deferred = decide(451, "451 4.2.0 Later", fresh);
        assertEquals(Decision.Kind.DEFERRED, deferred.kind());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), deferred.nextAttempt());
        assertEquals(Decision.Kind.DEFERRED, decide(RecipientResult.NO_REPLY, "451 4.4.1 refused", fresh).kind());
    }

    @Test
    void laterRetriesWaitLonger() {
        assertEquals(NOW.plus(Duration.ofMinutes(20)), decide(451, "451 Later", entry(2, NOW.minusSeconds(10))).nextAttempt());
    }

    @Test
    void aTemporaryFailureAfterTheLifetimeBounces() {
        Decision expired = decide(451, "451 4.2.0 Later", entry(60, NOW.minus(Duration.ofDays(5))));
        assertEquals(Decision.Kind.BOUNCED, expired.kind());
        assertEquals("4.4.7", expired.status());
    }
}
