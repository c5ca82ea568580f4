// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressTest {

    @ParameterizedTest
    @CsvSource({
        "alice@acme.test, alice, acme.test",
        "Alice.Smith@ACME.Test, alice.smith, acme.test",
        "a+tag@acme.test, a+tag, acme.test",
        "x#y$z&'*+-/=?^_`{|}~@acme.test, x#y$z&'*+-/=?^_`{|}~, acme.test",
        "jürgen@bücher.test, jürgen, xn--bcher-kva.test",
        "用户@例子.test, 用户, xn--fsqu00a.test",
        "bob@xn--bcher-kva.test, bob, xn--bcher-kva.test",
        "1@a-b.c0.test, 1, a-b.c0.test"
    })
    void acceptsAndNormalises(String input, String local, String domain) {
        MailAddress address = MailAddress.parse(input);
        assertEquals(local, address.localPart());
        assertEquals(domain, address.domain());
        assertEquals(local + "@" + domain, address.toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesEmptyInput(String input) {
        assertReason(input, "address is empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user%relay.test@acme.test | '%' and '!' routing",
        "relay.test!user@acme.test | '%' and '!' routing",
        "a@b@acme.test | more than one @",
        "\"john doe\"@acme.test | quoted local parts",
        "\"a@b\"@acme.test | quoted local parts",
        "@relay.test:user@acme.test | source routes",
        "@a.test,@b.test:user@acme.test | source routes",
        "nobody | has no @",
        "@acme.test | source routes",
        "alice@ | domain is empty",
        "alice@acme | at least two labels",
        "alice@[192.0.2.1] | address literals",
        "alice@192.0.2.1 | numeric label",
        "alice@-acme.test | invalid domain",
        "alice@acme_x.test | invalid domain",
        "alice@acme..test | invalid domain",
        "alice@acme.test. | invalid domain",
        ".alice@acme.test | misplaced dot",
        "alice.@acme.test | misplaced dot",
        "al..ice@acme.test | misplaced dot",
        "al ice@acme.test | invalid character",
        "al(ice)@acme.test | invalid character",
        "al,ice@acme.test | invalid character",
        "al<ice@acme.test | invalid character",
        "al\\ice@acme.test | invalid character",
        "al:ice@acme.test | invalid character",
        "al;ice@acme.test | invalid character"
    })
    void refusesWithReason(String input, String reason) {
        assertReason(input, reason);
    }

    @Test
    void refusesControlCharacters() {
        assertReason("al\u0000ice@acme.test", "invalid character");
        assertReason("alice\r\n@acme.test", "invalid character");
        assertReason("al\u00a0ice@acme.test", "invalid character");
    }

    @Test
    void limitsLocalPartTo64Octets() {
        assertEquals(64, MailAddress.parse("a".repeat(64) + "@acme.test").localPart().length());
        assertReason("a".repeat(65) + "@acme.test", "local part longer than 64");
        // 32 two-octet characters are 64 octets; 33 are too many although only 33 characters.
        MailAddress.parse("ü".repeat(32) + "@acme.test");
        assertReason("ü".repeat(33) + "@acme.test", "local part longer than 64");
    }

    @Test
    void limitsAddressTo254Octets() {
        String domain = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + "." + "g".repeat(9) + ".test";
        String local = "a".repeat(254 - 1 - domain.length());
        assertEquals(254, MailAddress.parse(local + "@" + domain).toString().length());
        assertReason(local + "a@" + domain, "address longer than 254");
    }

    @Test
    void equalAfterNormalisation() {
        assertEquals(MailAddress.parse("Jürgen@BÜCHER.test"), MailAddress.parse("jürgen@xn--bcher-kva.test"));
    }

    private static void assertReason(String input, String reason) {
        InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> MailAddress.parse(input));
        assertTrue(e.getMessage().contains(reason), () -> "'" + e.getMessage() + "' should say '" + reason + "'");
    }
}
