// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {

    @Test
    void onlyMailPropertiesWithSecretsMasked() {
        Map<String, String> values = Map.of(
                "mail.smtp.port", "25",
                "mail.admin.password", "hunter2",
                "mail.relay.password", "s3cret",
                "mail.tls.keystore-password", "changeit",
                "mail.pop3.apop-key", "AAAA",
                "mail.db.url", "jdbc:postgresql://db/mail?user=mail&password=pw&ssl=true",
                "java.home", "/usr/lib/jvm",
                "mail.relay.username", "relay-user");
        Map<String, String> shown = EffectiveSettings.of(List.of("mail.smtp.port", "mail.admin.password",
                "mail.relay.password", "mail.tls.keystore-password", "mail.pop3.apop-key", "mail.db.url", "java.home",
                "mail.relay.username", "mail.unset"), values::get);
        assertEquals(Map.of(
                "mail.smtp.port", "25",
                "mail.admin.password", EffectiveSettings.MASK,
                "mail.relay.password", EffectiveSettings.MASK,
                "mail.tls.keystore-password", EffectiveSettings.MASK,
                "mail.pop3.apop-key", EffectiveSettings.MASK,
                "mail.db.url", "jdbc:postgresql://db/mail?user=mail&password=********&ssl=true",
                "mail.relay.username", "relay-user"), shown);
    }
}
