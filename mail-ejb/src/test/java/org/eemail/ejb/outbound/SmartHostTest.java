// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.ContentReader;
import org.eemail.ra.tls.SelfSignedKeyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relaying through a smart host with STARTTLS and AUTH: a loopback peer that offers both. */
class SmartHostTest {

    private static final byte[] CONTENT = "Subject: relayed\r\n\r\nbody\r\n".getBytes();

    @TempDir
    Path keys;
    private TestSmtpPeer peer;

    @BeforeEach
    void start() throws Exception {
        peer = new TestSmtpPeer("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws IOException {
        peer.close();
    }

    private SSLContext serverTls() throws Exception {
        KeyStore store = SelfSignedKeyStore.loadOrCreate(keys.resolve("relay.p12"), "localhost");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "self-signed".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    private List<RecipientResult> relay(String password, boolean tlsRequired) {
        OutboundSettings settings = new OutboundSettings("mx.sender.test", 25, Duration.ofSeconds(5), Duration.ofSeconds(10),
                List.of(), Duration.ofSeconds(1), Optional.of(new OutboundSettings.RelayHost("localhost", peer.port(),
                        Optional.of("relay-user"), Optional.of(password), tlsRequired)));
        SmtpClient client = new SmtpClient(settings, new SmtpClient.ContentSource() {
            @Override
            public <T> T withContent(long id, ContentReader<T> reader) throws IOException {
                return reader.read(new ByteArrayInputStream(CONTENT));
            }
        });
        ClaimedEntry entry = new ClaimedEntry(1, "t", "b@far.test", null, null, 0, Instant.now(), 1, "a@sender.test",
                CONTENT.length, null, null);
        return client.deliver(List.of(new MailHost("localhost", List.of())), peer.port(), List.of(List.of(entry)));
    }

    @Test
    void startTlsThenAuthThenTheMessage() throws Exception {
        peer.tls(serverTls()).auth("relay-user", "relay-pw");
        List<RecipientResult> results = relay("relay-pw", false);

        assertEquals(250, results.get(0).code(), results.toString());
        assertEquals(List.of("relay-user"), peer.authenticated());
        assertEquals(List.of(true), peer.encrypted());
    }

    @Test
    void aWrongPasswordDefers() throws Exception {
        peer.tls(serverTls()).auth("relay-user", "relay-pw");
        List<RecipientResult> results = relay("wrong", false);

        assertEquals(RecipientResult.NO_REPLY, results.get(0).code());
        assertTrue(peer.received().isEmpty());
    }

    @Test
    void requiredTlsSendsNothingWithoutStartTls() {
        peer.auth("relay-user", "relay-pw");
        List<RecipientResult> results = relay("relay-pw", true);

        assertEquals(RecipientResult.NO_REPLY, results.get(0).code());
        assertTrue(peer.received().isEmpty() && peer.authenticated().isEmpty());
    }

    @Test
    void requiredTlsSendsNothingToACertificateThatDoesNotVerify() throws Exception {
        peer.tls(serverTls()).auth("relay-user", "relay-pw");
        List<RecipientResult> results = relay("relay-pw", true);

        assertEquals(RecipientResult.NO_REPLY, results.get(0).code());
        assertTrue(peer.received().isEmpty() && peer.authenticated().isEmpty());
    }
}
