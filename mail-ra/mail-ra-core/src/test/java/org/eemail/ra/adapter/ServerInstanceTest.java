// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.config.ServerSettings;
import org.junit.jupiter.api.Test;

class ServerInstanceTest {

    private static ServerSettings settings(String dataDir, String pop3Port, String smtpPort) {
        Map<String, String> values = new HashMap<>(Map.of(
                "mail.data.dir", dataDir, "mail.bind-address", "127.0.0.1",
                "mail.pop3.port", pop3Port, "mail.smtp.port", smtpPort,
                "mail.submission.port", "0", "mail.smtps.port", "0", "mail.pop3s.port", "0"));
        return ServerSettings.load(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void theSameConfigurationGivesTheSameNameAtEveryStart() {
        assertEquals(ServerInstance.name("mx1", settings("/srv/mail", "1110", "2525")),
                ServerInstance.name("mx1", settings("/srv/mail/.", "1110", "2525")));
    }

    @Test
    void instancesOnOneMachineWithOneDataDirectoryHaveNamesOfTheirOwn() {
        String first = ServerInstance.name("mx1", settings("/srv/mail", "1110", "2525"));
        assertNotEquals(first, ServerInstance.name("mx1", settings("/srv/mail", "1111", "2525")));
        assertNotEquals(first, ServerInstance.name("mx1", settings("/srv/mail", "1110", "2526")));
        assertNotEquals(first, ServerInstance.name("mx1", settings("/srv/other", "1110", "2525")));
        assertNotEquals(first, ServerInstance.name("mx2", settings("/srv/mail", "1110", "2525")));
    }

    @Test
    void theNameFitsTheLockTablesColumn() {
        String name = ServerInstance.name("h".repeat(200), settings("/srv/mail", "1110", "2525"));
        assertTrue(name.length() <= 64, name);
        assertTrue(name.startsWith("h".repeat(40) + "/"), name);
    }
}
