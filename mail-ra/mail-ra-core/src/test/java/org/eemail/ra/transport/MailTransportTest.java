// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.Listener;
import org.eemail.ra.config.ListenerEndpoint;
import org.eemail.ra.config.ServerSettings;
import org.eemail.ra.pop3.FakePop3Backend;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.tls.ServerTls;
import org.eemail.ra.transcript.SocketConnection;
import org.eemail.ra.transcript.Transcript;
import org.eemail.ra.transcript.TrustAnything;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport over real loopback sockets, with an ordinary thread pool for the event loops. */
class MailTransportTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dataDir;

    private ExecutorService threads;
    private MailTransport transport;

    @BeforeEach
    void startTransport() {
        threads = Executors.newCachedThreadPool();
        ServerTls tls = ServerTls.create(ServerSettings.load(name -> Optional.ofNullable(
                Map.of("mail.data.dir", dataDir.toString(), "mail.hostname", "mx.test").get(name))));
        SessionFactory sessions = (l, client) -> l.protocol().name().equals("SMTP") ? SmtpSessions.placeholder() : Pop3Sessions.fixture(new FakePop3Backend(), dataDir);
        transport = new MailTransport(threads, 2, threads, tls.context(), sessions);
    }

    @AfterEach
    void stopTransport() {
        transport.stop();
        threads.shutdownNow();
    }

    private static ListenerEndpoint ephemeral(Listener listener) {
        return new ListenerEndpoint(listener, new InetSocketAddress(LOOPBACK, 0));
    }

    private int port(int index) {
        return transport.boundAddresses().get(index).getPort();
    }

    @Test
    void playsATranscriptOverASocket() throws Exception {
        transport.start(List.of(ephemeral(Listener.SMTP)));
        try (SocketConnection connection = new SocketConnection(new Socket(LOOPBACK, port(0)))) {
            Transcript.read(Path.of("src/test/resources/transcripts/smtp/greeting_and_quit.txt")).play(connection);
        }
    }

    @Test
    void implicitTlsListenersSpeakTlsFromTheFirstByte() throws Exception {
        transport.start(List.of(ephemeral(Listener.POP3S)));
        SSLContext client = TrustAnything.clientContext();
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(LOOPBACK, port(0));
             SocketConnection connection = new SocketConnection(socket)) {
            assertEquals("+OK mx.test POP3 server ready", connection.readLine());
            assertTrue(socket.getSession().getProtocol().matches("TLSv1\\.[23]"), socket.getSession().getProtocol());
        }
    }

    @Test
    void stoppingTellsOpenSessionsAndClosesThem() throws Exception {
        transport.start(List.of(ephemeral(Listener.SMTP), ephemeral(Listener.POP3)));
        try (SocketConnection smtp = new SocketConnection(new Socket(LOOPBACK, port(0)));
             SocketConnection pop3 = new SocketConnection(new Socket(LOOPBACK, port(1)))) {
            smtp.readLine();
            pop3.readLine();
            awaitSessions(2);
            transport.stop();
            assertEquals("421 4.3.2 mx.test Service shutting down, closing transmission channel", smtp.readLine());
            assertNull(smtp.readLine());
            assertEquals("-ERR [SYS/TEMP] Server shutting down", pop3.readLine());
            assertNull(pop3.readLine());
        }
    }

    @Test
    void statusCountsOpenSessions() throws Exception {
        transport.start(List.of(ephemeral(Listener.SUBMISSION)));
        try (SocketConnection connection = new SocketConnection(new Socket(LOOPBACK, port(0)))) {
            connection.readLine();
            awaitSessions(1);
            ListenerStatus status = transport.status().get(0);
            assertEquals("submission", status.name());
            assertEquals("SMTP", status.protocol());
            assertTrue(status.open());
        }
    }

    @Test
    void aPortInUseNamesItsPropertyAndBindsNothing() throws Exception {
        try (ServerSocket occupant = new ServerSocket(0, 1, LOOPBACK)) {
            ListenerEndpoint taken = new ListenerEndpoint(Listener.POP3, new InetSocketAddress(LOOPBACK, occupant.getLocalPort()));
            StartupFailure failure = assertThrows(StartupFailure.class,
                    () -> transport.start(List.of(ephemeral(Listener.SMTP), taken)));
            assertTrue(failure.getMessage().startsWith("Cannot start: mail.pop3.port=" + occupant.getLocalPort()),
                    failure.getMessage());
            assertEquals(List.of(), transport.status(), "the listener bound before the failure is released");
        }
    }

    private void awaitSessions(int expected) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (transport.status().stream().mapToInt(ListenerStatus::sessions).sum() == expected) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("sessions never reached " + expected + ": " + transport.status());
    }
}
