// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @Test
    void lowerCasesAndConvertsToALabels() {
        assertEquals("acme.test", DomainName.normalize("ACME.Test"));
        assertEquals("xn--bcher-kva.test", DomainName.normalize("Bücher.test"));
        assertEquals("xn--bcher-kva.test", DomainName.normalize("xn--bcher-kva.test"));
    }

    @Test
    void acceptsMaximumLengths() {
        String label = "a".repeat(63);
        assertEquals(label + ".test", DomainName.normalize(label + ".test"));
        String longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(56), "test");
        assertEquals(253, DomainName.normalize(longest).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "a..test", ".acme.test", "acme.test.", "-a.test", "a-.test", "a_b.test",
        "a b.test", "[127.0.0.1]", "10.0.0.1", "acme.123"})
    void refuses(String input) {
        assertThrows(InvalidAddressException.class, () -> DomainName.normalize(input));
    }

    @Test
    void refusesOverlongLabelsAndNames() {
        assertThrows(InvalidAddressException.class, () -> DomainName.normalize("a".repeat(64) + ".test"));
        String tooLong = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(57), "test");
        assertThrows(InvalidAddressException.class, () -> DomainName.normalize(tooLong));
    }
}
