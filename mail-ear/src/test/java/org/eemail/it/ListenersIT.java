// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eemail.ra.transcript.SocketConnection;
import org.eemail.ra.transcript.Transcript;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The listeners of the deployed server: every SMTP transcript of the protocol core's unit tests,
 * played again over a real socket on the listener it names ({@code @listener}, smtp by default),
 * every POP3 transcript on both POP3 listeners unless it names one; and the health report of each
 * listener and the database.
 */
@ExtendWith(ArquillianExtension.class)
class ListenersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    @BeforeAll
    static void fixture() throws Exception {
        MailFixture.ensure();
    }

    @TestFactory
    Stream<DynamicTest> smtpTranscriptsOnTheirListener() throws IOException {
        return Transcript.readAll(Server.transcripts("smtp")).stream().map(transcript -> {
            String listener = transcript.listener().equals("mta") ? "smtp" : transcript.listener();
            return DynamicTest.dynamicTest(listener + ": " + transcript.name(), () -> {
                try (SocketConnection connection = new SocketConnection(open(listener))) {
                    transcript.play(connection);
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> pop3TranscriptsOnEveryPop3Listener() throws IOException {
        return transcriptsOn("pop3", List.of("pop3", "pop3s"));
    }

    /** Each transcript on every listener of {@code listeners}, or only on the one it names. */
    private static Stream<DynamicTest> transcriptsOn(String protocol, List<String> listeners) throws IOException {
        List<Transcript> transcripts = Transcript.readAll(Server.transcripts(protocol));
        return listeners.stream().flatMap(listener -> transcripts.stream()
                .filter(transcript -> !listeners.contains(transcript.listener()) || transcript.listener().equals(listener))
                .map(transcript -> DynamicTest.dynamicTest(listener + ": " + transcript.name(), () -> {
                    try (SocketConnection connection = new SocketConnection(open(listener))) {
                        transcript.play(connection);
                    }
                })));
    }

    private static Socket open(String listener) throws IOException, GeneralSecurityException {
        return List.of("smtps", "pop3s").contains(listener) ? Server.connectTls(listener) : Server.connect(listener);
    }

    @Test
    void healthReportsEveryListenerAndTheDatabase() throws Exception {
        AdminClient.Reply health = AdminClient.anonymous().get("/health");
        assertEquals(200, health.status(), health.body());
        JsonObject report = health.object();
        assertEquals("UP", report.getString("status"));
        Map<String, JsonObject> checks = report.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
        for (String listener : List.of("smtp", "submission", "smtps", "pop3", "pop3s")) {
            JsonObject check = checks.get("listener-" + listener);
            assertTrue(check != null, "no health check for listener " + listener + " in " + checks.keySet());
            assertEquals("UP", check.getString("status"));
            assertEquals(String.valueOf(Server.port(listener)), check.getJsonObject("data").getString("port"));
        }
        assertEquals("UP", checks.get("database").getString("status"), String.valueOf(checks.get("database")));
    }
}
