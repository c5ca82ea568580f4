// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eemail.ejb.outbound.TestDnsServer;
import org.eemail.ejb.outbound.TestSmtpPeer;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A delivery cut by {@code kill -9} is not lost: the server is killed while the remote server
 * holds the end of the message unanswered; after a restart the entry's lease
 * ({@code mail.queue.lease}, 10 s in the tests) runs out and the message is delivered again
 * (at least once, never lost).
 */
@ExtendWith(ArquillianExtension.class)
class OutboundCrashIT {

    private static final String SERVER = "server";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = SERVER, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    private static void submit(String to, String subject) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(Server.port("submission")));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.ssl.trust", "*");
        properties.put("mail.smtp.ssl.checkserveridentity", "false");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Delivered at least once.\n");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("alice@example.test", "alice-pw");
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(to)});
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aDeliveryCutByKillNineIsDeliveredAfterTheRestart() throws Exception {
        try (TestDnsServer dns = new TestDnsServer(Server.port("dns"));
             TestSmtpPeer peer = new TestSmtpPeer("127.0.0.2", Server.port("mx"))) {
            dns.mx("crash.test", 10, "mx.crash.test").a("mx.crash.test", "127.0.0.2");
            deployer.deploy(SERVER);
            MailFixture.ensure();
            String subject = "crash " + UUID.randomUUID();
            peer.hang(true);
            submit("carol@crash.test", subject);
            assertTrue(waitFor(() -> peer.hung().stream()
                    .anyMatch(data -> new String(data, StandardCharsets.UTF_8).contains(subject)), 30),
                    "the delivery never reached the end of the data");

            ProcessHandle micro = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("--port " + Server.port("http")))
                    .findFirst().orElseThrow(() -> new AssertionError("the Payara Micro process is not found"));
            micro.destroyForcibly();
            assertTrue(micro.onExit().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS) != null);
            peer.hang(false);
            deployer.undeploy(SERVER);
            Server.awaitClosed("http");

            deployer.deploy(SERVER);
            try {
                assertTrue(waitFor(() -> peer.received().stream().anyMatch(r -> r.text().contains(subject)), 90),
                        "not delivered after the restart");
                List<TestSmtpPeer.Received> delivered = peer.received().stream()
                        .filter(r -> r.text().contains(subject)).toList();
                assertEquals(List.of("RCPT TO:<carol@crash.test>"), delivered.get(0).rcptTo());
            } finally {
                deployer.undeploy(SERVER);
            }
        }
    }
}
