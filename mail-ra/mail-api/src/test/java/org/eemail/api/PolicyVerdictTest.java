// SPDX-License-Identifier: Apache-2.0
package org.eemail.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PolicyVerdictTest {

    @Test
    void rejectionCarriesItsReply() {
        PolicyVerdict verdict = PolicyVerdict.reject(550, "5.7.1", "Sender blocked");
        assertEquals(PolicyVerdict.Kind.REJECT, verdict.kind());
        assertEquals(new PolicyVerdict.Reply(550, "5.7.1", "Sender blocked"), verdict.reply().orElseThrow());
    }

    @Test
    void replyClassMustFitTheKind() {
        assertThrows(IllegalArgumentException.class, () -> PolicyVerdict.reject(451, "4.7.1", "later"));
        assertThrows(IllegalArgumentException.class, () -> PolicyVerdict.defer(550, "5.7.1", "never"));
        assertThrows(IllegalArgumentException.class, () -> PolicyVerdict.reject(550, "4.7.1", "mismatch"));
        assertThrows(IllegalArgumentException.class, () -> PolicyVerdict.reject(250, "2.0.0", "ok"));
    }

    @Test
    void textIsOnePrintableLine() {
        assertThrows(IllegalArgumentException.class, () -> PolicyVerdict.reject(550, "5.7.1", "a\r\n250 ok"));
        assertThrows(IllegalArgumentException.class, () -> PolicyVerdict.reject(550, "5.7.1", "caf\u00e9"));
    }
}
