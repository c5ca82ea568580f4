// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    @Test
    void aGivenDurationIsTheTimeout() {
        assertEquals(Duration.ofHours(8), ConsoleSessions.parse("PT8H"));
        assertEquals(Duration.ofMinutes(1), ConsoleSessions.parse("PT1M"));
    }

    @Test
    void nothingGivenIsHalfAnHour() {
        assertEquals(Duration.ofMinutes(30), ConsoleSessions.parse(""));
    }

    @Test
    void aMalformedOrTooShortValueFallsBackToTheDefault() {
        assertEquals(ConsoleSessions.DEFAULT_TIMEOUT, ConsoleSessions.parse("30 minutes"));
        assertEquals(ConsoleSessions.DEFAULT_TIMEOUT, ConsoleSessions.parse("PT10S"));
        assertEquals(ConsoleSessions.DEFAULT_TIMEOUT, ConsoleSessions.parse("-PT1H"));
    }
}
