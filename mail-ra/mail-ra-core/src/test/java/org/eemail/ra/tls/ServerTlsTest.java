// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {

    @TempDir
    Path dataDir;

    private ServerSettings settings(Map<String, String> values) {
        return ServerSettings.load(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void generatesASelfSignedCertificateForTheHostnameAndKeepsIt() throws Exception {
        ServerSettings settings = settings(Map.of("mail.data.dir", dataDir.toString(), "mail.hostname", "mx.test"));
        ServerTls first = ServerTls.create(settings);
        assertEquals("CN=mx.test", first.certificate().getSubjectX500Principal().getName());
        assertTrue(Files.exists(dataDir.resolve("tls/self-signed.p12")));
        assertTrue(first.context().isServer());

        ServerTls second = ServerTls.create(settings);
        assertEquals(first.certificate(), second.certificate(), "a restart must present the same certificate");
    }

    @Test
    void usesTheConfiguredKeystore() throws Exception {
        Path keystore = dataDir.resolve("mine.p12");
        ServerTls.create(settings(Map.of("mail.data.dir", dataDir.toString(), "mail.hostname", "other.test")));
        Files.copy(dataDir.resolve("tls/self-signed.p12"), keystore);
        ServerTls tls = ServerTls.create(settings(Map.of("mail.data.dir", dataDir.resolve("x").toString(),
                "mail.tls.keystore", keystore.toString(), "mail.tls.keystore-password", "self-signed")));
        assertEquals("CN=other.test", tls.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void aWrongKeystorePasswordNamesTheProperty() {
        ServerTls.create(settings(Map.of("mail.data.dir", dataDir.toString(), "mail.hostname", "mx.test")));
        String file = dataDir.resolve("tls/self-signed.p12").toString();
        StartupFailure failure = assertThrows(StartupFailure.class, () -> ServerTls.create(settings(Map.of(
                "mail.tls.keystore", file, "mail.tls.keystore-password", "wrong"))));
        assertTrue(failure.getMessage().startsWith("Cannot start: mail.tls.keystore=" + file), failure.getMessage());
    }
}
