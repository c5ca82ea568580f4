// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eemail.ra.transcript.SocketConnection;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping and starting the server: open sessions are told (SMTP 421, POP3 -ERR), and what the
 * administrator created is still there after the restart. Undeploying stops the Payara Micro
 * process, deploying starts a new one on the same database.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String SERVER = "server";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = SERVER, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    /** The UIDL line of the account's first message, read by a POP3 session that ends with QUIT. */
    private static String uidl(String address) throws Exception {
        try (RawPop3 pop3 = RawPop3.login(address, "kept pw")) {
            String line = pop3.command("UIDL 1");
            assertTrue(line.matches("\\+OK 1 \\S+"), line);
            pop3.command("QUIT");
            return line;
        }
    }

    @Test
    void accountsSurviveARestartAndOpenSessionsAreToldOfTheShutdown() throws Exception {
        String domain = "r" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String address = "keep@" + domain;
        AdminClient admin = AdminClient.asAdmin();

        deployer.deploy(SERVER);
        assertEquals(201, admin.post("/api/v1/domains", "{\"name\":\"" + domain + "\"}").status());
        assertEquals(201, admin.post("/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"kept pw\"}").status());
        RawSmtp.deliver(address, "Subject: kept\r\n\r\nacross the restart\r\n".getBytes(StandardCharsets.US_ASCII));
        String uidl = uidl(address);

        try (SocketConnection smtp = new SocketConnection(Server.connect("smtp"));
             SocketConnection pop3 = new SocketConnection(Server.connect("pop3"))) {
            assertTrue(smtp.readLine().startsWith("220 "));
            assertTrue(pop3.readLine().startsWith("+OK "));
            pop3.send("USER " + address);
            assertTrue(pop3.readLine().startsWith("+OK "));
            pop3.send("PASS kept pw");
            assertTrue(pop3.readLine().startsWith("+OK Maildrop has 1 messages"), "holds the maildrop's lock");
            deployer.undeploy(SERVER);
            assertEquals("421 4.3.2 mx.test Service shutting down, closing transmission channel", smtp.readLine());
            assertNull(smtp.readLine());
            assertEquals("-ERR [SYS/TEMP] Server shutting down", pop3.readLine());
            assertNull(pop3.readLine());
        }

        Server.awaitClosed("smtp");
        Server.awaitClosed("http");
        deployer.deploy(SERVER);
        try {
            AdminClient.Reply kept = admin.get("/api/v1/accounts/" + address);
            assertEquals(200, kept.status(), kept.toString());
            assertEquals(address, kept.object().getString("address"));
            try (SocketConnection smtp = new SocketConnection(Server.connect("smtp"))) {
                assertEquals("220 mx.test ESMTP", smtp.readLine(), "the listeners are bound again");
            }
            assertEquals(uidl, uidl(address), "POP3 UIDLs are stable across a restart, and the stop released "
                    + "the lock of the open session (a restart is shorter than the 2-minute lease)");
        } finally {
            deployer.undeploy(SERVER);
        }
    }
}
