// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void decodesUserAndPassword() {
        assertEquals(Optional.of(new BasicCredentials("admin", "secret")), BasicCredentials.parse(basic("admin:secret")));
        assertEquals(Optional.of(new BasicCredentials("admin", "se:cr:et")), BasicCredentials.parse(basic("admin:se:cr:et")));
        assertEquals(Optional.of(new BasicCredentials("admin", "")), BasicCredentials.parse(basic("admin:")));
        assertEquals(Optional.of(new BasicCredentials("admin", "pässwört")), BasicCredentials.parse(basic("admin:pässwört")));
    }

    @Test
    void schemeIsCaseInsensitive() {
        String token = Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));
        assertTrue(BasicCredentials.parse("BASIC " + token).isPresent());
        assertTrue(BasicCredentials.parse("basic " + token).isPresent());
    }

    @Test
    void refusesWhatIsNotBasic() {
        assertFalse(BasicCredentials.parse(null).isPresent());
        assertFalse(BasicCredentials.parse("").isPresent());
        assertFalse(BasicCredentials.parse("Basic ").isPresent());
        assertFalse(BasicCredentials.parse("Bearer abc.def").isPresent());
        assertFalse(BasicCredentials.parse("Basic !!!not-base64").isPresent());
        assertFalse(BasicCredentials.parse(basic("no-colon")).isPresent());
    }

    @Test
    void toStringHidesThePassword() {
        assertFalse(new BasicCredentials("admin", "secret").toString().contains("secret"));
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
