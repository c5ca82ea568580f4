// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.eemail.ejb.domain.InvalidAddressException;
import org.eemail.ejb.domain.MailAddress;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

    @Test
    void missingBodyIsRefused() {
        assertReason("request body is missing", () -> RequestValidation.body(null));
        DomainRequest request = new DomainRequest("acme.test");
        assertSame(request, RequestValidation.body(request));
    }

    @Test
    void addressesAndDomainsAreNormalised() {
        assertEquals(new MailAddress("alice", "acme.test"), RequestValidation.address("Alice@Acme.TEST"));
        assertEquals("xn--bcher-kva.test", RequestValidation.domain("BÜCHER.test"));
        assertThrows(InvalidAddressException.class, () -> RequestValidation.address("a%b@acme.test"));
        assertThrows(InvalidAddressException.class, () -> RequestValidation.domain(null));
    }

    @Test
    void passwordMustBePresentAndBounded() {
        assertReason("password is empty", () -> RequestValidation.password(null));
        assertReason("password is empty", () -> RequestValidation.password(""));
        assertReason("password longer than 1024 characters", () -> RequestValidation.password("x".repeat(1025)));
        assertEquals(" spaces count ", RequestValidation.password(" spaces count "));
        assertEquals("x".repeat(1024), RequestValidation.password("x".repeat(1024)));
    }

    @Test
    void quotaDefaultsAndMustNotBeNegative() {
        assertEquals(5000, RequestValidation.quota(null, 5000));
        assertEquals(0, RequestValidation.quota(0L, 5000));
        assertEquals(1L << 40, RequestValidation.quota(1L << 40, 0));
        assertReason("quota must be 0 (unlimited) or a number of bytes", () -> RequestValidation.quota(-1L, 0));
    }

    @Test
    void targetsAreParsedAndDeduplicated() {
        List<MailAddress> targets = RequestValidation.targets(
                List.of("Alice@acme.test", "bob@elsewhere.test", "alice@ACME.test"));
        assertEquals(List.of(MailAddress.parse("alice@acme.test"), MailAddress.parse("bob@elsewhere.test")), targets);
    }

    @Test
    void targetsMustBeGivenValidAndFew() {
        assertReason("targets are empty", () -> RequestValidation.targets(null));
        assertReason("targets are empty", () -> RequestValidation.targets(List.of()));
        assertReason("more than 100 targets", () -> RequestValidation.targets(Collections.nCopies(101, "a@b.test")));
        assertThrows(InvalidAddressException.class, () -> RequestValidation.targets(List.of("a@b.test", "bad")));
        assertThrows(InvalidAddressException.class, () -> RequestValidation.targets(Arrays.asList("a@b.test", null)));
    }

    private static void assertReason(String reason, Runnable call) {
        assertEquals(reason, assertThrows(InvalidRequestException.class, call::run).getMessage());
    }
}
