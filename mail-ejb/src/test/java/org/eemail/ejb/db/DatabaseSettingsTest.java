// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void h2InTheDataDirectoryByDefault() {
        DatabaseSettings settings = DatabaseSettings.from(config(Map.of()));
        Path dir = Path.of("./data").toAbsolutePath().normalize();
        assertFalse(settings.isPostgres());
        assertEquals("jdbc:h2:file:" + dir.resolve("mail") + ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=16384", settings.url());
        assertEquals(Optional.of(dir), settings.dataDir());
        assertEquals("mail.data.dir", settings.property());
        assertEquals("./data", settings.value());
    }

    @Test
    void h2InAConfiguredDirectory() {
        DatabaseSettings settings = DatabaseSettings.from(config(Map.of("mail.data.dir", "/var/mail/")));
        assertEquals("jdbc:h2:file:/var/mail/mail;WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=16384", settings.url());
    }

    @Test
    void postgresWhenAUrlIsGiven() {
        String url = "jdbc:postgresql://127.0.0.1:5432/mail";
        DatabaseSettings settings = DatabaseSettings.from(config(Map.of(
                "mail.db.url", url, "mail.db.user", "mail", "mail.db.password", "pw", "mail.data.dir", "/x")));
        assertTrue(settings.isPostgres());
        assertEquals(url, settings.url());
        assertEquals("mail", settings.user());
        assertEquals("pw", settings.password());
        assertEquals("mail.db.url", settings.property());
        assertFalse(settings.toString().contains("pw"));
    }

    /** Only getOptionalValue is used; a proxy keeps the test free of a Config implementation. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getOptionalValue")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return Optional.ofNullable(values.get((String) args[0]));
                });
    }
}
