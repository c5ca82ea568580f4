// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.eemail.ra.transcript.TrustAnything;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The server under test as the build started it: its ports, its archive, its data. */
final class Server {

    static final String ADMIN_PASSWORD = "it-secret";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Server() {
    }

    /** The real WAR that Payara Micro runs (the RAR is deployed before it by a post-boot command). */
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.micro.dir"), "mail-web.war"));
    }

    /** The port the build reserved for {@code name}: http, smtp, submission, smtps, pop3, pop3s. */
    static int port(String name) {
        return Integer.getInteger("it." + name + ".port");
    }

    static URI http(String path) {
        return URI.create("http://127.0.0.1:" + port("http") + path);
    }

    static Path transcripts(String protocol) {
        return Path.of(System.getProperty("it.transcripts"), protocol);
    }

    static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("it.database"));
    }

    static Socket connect(String listener) throws IOException {
        return new Socket(LOOPBACK, port(listener));
    }

    /** Waits until nothing listens on {@code listener}'s port any more: the old process has gone. */
    static void awaitClosed(String listener) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket probe = connect(listener)) {
                Thread.sleep(100);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("port " + port(listener) + " (" + listener + ") still open after 30 s");
    }

    /** A TLS connection that accepts the server's self-signed certificate. */
    static Socket connectTls(String listener) throws IOException, GeneralSecurityException {
        return TrustAnything.clientContext().getSocketFactory().createSocket(LOOPBACK, port(listener));
    }
}
