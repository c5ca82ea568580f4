// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityCountersTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T10:00:30Z");

        @Override
        public ZoneOffset getZone() {
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

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ActivityCounters counters = new ActivityCounters(clock);

    @Test
    void totalsAndTheCurrentMinuteCount() {
        counters.record(MailEvent.MESSAGE_ACCEPTED, 1);
        counters.record(MailEvent.MESSAGE_ACCEPTED, 2);
        counters.record(MailEvent.BOUNCED, 1);

        assertEquals(3, counters.total(MailEvent.MESSAGE_ACCEPTED));
        assertEquals(1, counters.total(MailEvent.BOUNCED));
        assertEquals(0, counters.total(MailEvent.RELAYED));
        List<ActivityCounters.MinuteCounts> hour = counters.lastHour();
        assertEquals(ActivityCounters.MINUTES, hour.size());
        ActivityCounters.MinuteCounts current = hour.get(hour.size() - 1);
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), current.start());
        assertEquals(3L, current.counts().get(MailEvent.MESSAGE_ACCEPTED));
        assertEquals(0L, hour.get(0).counts().get(MailEvent.MESSAGE_ACCEPTED));
    }

    @Test
    void eachMinuteKeepsItsOwnCountsForAnHourThenTheSlotStartsAfresh() {
        counters.record(MailEvent.RELAYED, 5);
        clock.advance(Duration.ofMinutes(1));
        counters.record(MailEvent.RELAYED, 2);

        List<ActivityCounters.MinuteCounts> hour = counters.lastHour();
        assertEquals(5L, hour.get(58).counts().get(MailEvent.RELAYED));
        assertEquals(2L, hour.get(59).counts().get(MailEvent.RELAYED));

        clock.advance(Duration.ofMinutes(59)); // the first minute's slot comes round again
        counters.record(MailEvent.RELAYED, 1);
        hour = counters.lastHour();
        assertEquals(Instant.parse("2026-11-29T11:00:00Z"), hour.get(59).start());
        assertEquals(1L, hour.get(59).counts().get(MailEvent.RELAYED), "the old minute's 5 are gone");
        assertEquals(2L, hour.get(0).counts().get(MailEvent.RELAYED));
        assertEquals(8, counters.total(MailEvent.RELAYED), "totals are never reset");
    }

    @Test
    void minutesWithoutActivityReadAsZeroEvenIfTheirSlotHoldsAnOlderHour() {
        counters.record(MailEvent.DEFERRED, 4);
        clock.advance(Duration.ofMinutes(90));
        assertEquals(0L, counters.lastHour().stream().mapToLong(m -> m.counts().get(MailEvent.DEFERRED)).sum());
    }

    @Test
    void commandsAreCountedByProtocolAndVerb() {
        counters.command("smtp", "MAIL");
        counters.command("smtp", "MAIL");
        counters.command("pop3", "RETR");
        assertEquals(Map.of("pop3 RETR", 1L, "smtp MAIL", 2L), counters.commands());
    }
}
