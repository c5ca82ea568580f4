// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressPatternTest {

    @Test
    void anAddressMatchesItselfWithoutRegardToCase() {
        AddressPattern pattern = AddressPattern.of("Orders@Example.test");
        assertTrue(pattern.matches("orders@example.TEST"));
        assertFalse(pattern.matches("orders@example.test.evil"));
        assertFalse(pattern.matches("xorders@example.test"));
    }

    @Test
    void aStarMatchesAnyRunAndNothingElseIsSpecial() {
        assertTrue(AddressPattern.of("*@shop.example.test").matches("a.b@shop.example.test"));
        assertFalse(AddressPattern.of("*@shop.example.test").matches("a@shopXexample.test"));
        assertTrue(AddressPattern.of("support+*@example.test").matches("support+@example.test"));
        assertTrue(AddressPattern.of("*").matches(""));
        assertFalse(AddressPattern.of("a.c@x.test").matches("abc@x.test"));
    }

    @Test
    void emptyOrSpacedPatternsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AddressPattern.of(""));
        assertThrows(IllegalArgumentException.class, () -> AddressPattern.of("a b@x.test"));
        assertThrows(IllegalArgumentException.class, () -> AddressPattern.of("a\t@x.test"));
    }
}
