// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.ServerSettings;

/**
 * The server's TLS context: the administrator's PKCS#12 keystore ({@code mail.tls.keystore}), or a
 * self-signed certificate kept in the data directory. TLS 1.2 and 1.3 only (RFC 8996, RFC 8314).
 */
public final class ServerTls {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SslContext context;
    private final X509Certificate certificate;

    private ServerTls(SslContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    public static ServerTls create(ServerSettings settings) {
        KeyStore store;
        char[] password;
        if (settings.keystore().isPresent()) {
            Path file = settings.keystore().get();
            password = settings.keystorePassword().toCharArray();
            store = configuredKeyStore(file, password);
        } else {
            Path file = settings.dataDirectory().resolve("tls").resolve("self-signed.p12");
            password = SelfSignedKeyStore.PASSWORD;
            try {
                store = SelfSignedKeyStore.loadOrCreate(file, settings.hostname());
            } catch (IOException | GeneralSecurityException e) {
                throw StartupFailure.of(ServerSettings.DATA_DIR, settings.dataDirectory(),
                        "cannot keep the self-signed certificate there: " + e.getMessage());
            }
        }
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SslContext context = SslContextBuilder.forServer(keyManagers).protocols(PROTOCOLS).build();
            return new ServerTls(context, firstCertificate(store));
        } catch (GeneralSecurityException | IOException e) {
            throw StartupFailure.of(ServerSettings.KEYSTORE, settings.keystore().orElse(null),
                    "no usable key in it: " + e.getMessage());
        }
    }

    private static KeyStore configuredKeyStore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw StartupFailure.of(ServerSettings.KEYSTORE, file, "cannot read it as PKCS#12 with "
                    + ServerSettings.KEYSTORE_PASSWORD + ": " + e.getMessage());
        }
    }

    private static X509Certificate firstCertificate(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert) {
                return cert;
            }
        }
        throw new GeneralSecurityException("the keystore holds no private key with a certificate");
    }

    public SslContext context() {
        return context;
    }

    /** The server certificate, for the settings page and for logging its subject and expiry. */
    public X509Certificate certificate() {
        return certificate;
    }
}
