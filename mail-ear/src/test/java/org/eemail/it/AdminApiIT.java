// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The administration API of the deployed server, every endpoint and every error case. */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    private final AdminClient admin = AdminClient.asAdmin();
    /** Names unique to this run: the database outlives one test class. */
    private final String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    private void createDomain(String name) throws Exception {
        AdminClient.Reply created = admin.post("/api/v1/domains", "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.toString());
    }

    private void createAccount(String address, String password) throws Exception {
        AdminClient.Reply created = admin.post("/api/v1/accounts",
                "{\"address\":\"" + address + "\",\"password\":\"" + password + "\"}");
        assertEquals(201, created.status(), created.toString());
    }

    private static List<String> strings(JsonValue array, String field) {
        return array.asJsonArray().stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    @Test
    void domainsAreCreatedListedAndDeleted() throws Exception {
        AdminClient.Reply created = admin.post("/api/v1/domains", "{\"name\":\"" + domain.toUpperCase() + "\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals(domain, created.object().getString("name"), "domain names are kept in lower case");
        assertTrue(created.location().getPath().endsWith("/api/v1/domains/" + domain), created.location().toString());

        assertTrue(strings(admin.get("/api/v1/domains").json(), "name").contains(domain));
        assertEquals(200, admin.get("/api/v1/domains/" + domain).status());
        assertEquals(204, admin.delete("/api/v1/domains/" + domain).status());
        assertEquals(404, admin.get("/api/v1/domains/" + domain).status());
        assertFalse(strings(admin.get("/api/v1/domains").json(), "name").contains(domain));
    }

    @Test
    void domainErrors() throws Exception {
        assertEquals(400, admin.post("/api/v1/domains", "{\"name\":\"not a domain\"}").status());
        assertEquals(400, admin.post("/api/v1/domains", "{\"name\":\"\"}").status());
        assertEquals(400, admin.post("/api/v1/domains", "{}").status());
        AdminClient.Reply malformed = admin.post("/api/v1/domains", "{\"name\":");
        assertEquals(400, malformed.status(), malformed.toString());
        assertFalse(malformed.error().isBlank());
        createDomain(domain);
        AdminClient.Reply duplicate = admin.post("/api/v1/domains", "{\"name\":\"" + domain + "\"}");
        assertEquals(409, duplicate.status(), duplicate.toString());
        assertTrue(duplicate.error().contains(domain), duplicate.error());
        assertEquals(404, admin.delete("/api/v1/domains/unknown-" + domain).status());

        createAccount("someone@" + domain, "a password");
        AdminClient.Reply inUse = admin.delete("/api/v1/domains/" + domain);
        assertEquals(409, inUse.status(), "a domain with accounts is not deleted: " + inUse);
    }

    @Test
    void accountsAreCreatedListedChangedAndDeleted() throws Exception {
        createDomain(domain);
        String address = "alice@" + domain;
        AdminClient.Reply created = admin.post("/api/v1/accounts",
                "{\"address\":\"Alice@" + domain.toUpperCase() + "\",\"password\":\"s3cret pass\"}");
        assertEquals(201, created.status(), created.toString());
        JsonObject account = created.object();
        assertEquals(address, account.getString("address"));
        assertFalse(created.body().contains("s3cret"), "the password never comes back");
        assertFalse(created.body().toLowerCase().contains("pbkdf2"), "nor its hash");

        createAccount("bob@" + domain, "another one");
        assertEquals(List.of("alice@" + domain, "bob@" + domain),
                strings(admin.get("/api/v1/accounts?domain=" + domain).json(), "address"));
        assertTrue(strings(admin.get("/api/v1/accounts").json(), "address").contains(address));
        assertEquals(address, admin.get("/api/v1/accounts/" + address).object().getString("address"));

        assertEquals(204, admin.put("/api/v1/accounts/" + address + "/password", "{\"password\":\"new secret\"}").status());
        assertEquals(204, admin.delete("/api/v1/accounts/" + address).status());
        assertEquals(404, admin.get("/api/v1/accounts/" + address).status());
    }

    @Test
    void accountErrors() throws Exception {
        createDomain(domain);
        String address = "carol@" + domain;
        assertEquals(400, admin.post("/api/v1/accounts", "{\"address\":\"carol\",\"password\":\"x y z\"}").status());
        assertEquals(400, admin.post("/api/v1/accounts", "{\"address\":\"a%b@" + domain + "\",\"password\":\"xyz\"}").status());
        AdminClient.Reply unknownDomain = admin.post("/api/v1/accounts",
                "{\"address\":\"carol@unknown-" + domain + "\",\"password\":\"xyz\"}");
        assertEquals(400, unknownDomain.status(), unknownDomain.toString());
        assertTrue(unknownDomain.error().contains("unknown-" + domain), unknownDomain.error());
        AdminClient.Reply emptyPassword = admin.post("/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"\"}");
        assertEquals(400, emptyPassword.status(), emptyPassword.toString());
        assertEquals(400, admin.post("/api/v1/accounts", "{\"address\":\"" + address + "\"}").status());

        createAccount(address, "first");
        assertEquals(409, admin.post("/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"again\"}").status());
        assertEquals(400, admin.put("/api/v1/accounts/" + address + "/password", "{\"password\":\"\"}").status());
        assertEquals(404, admin.put("/api/v1/accounts/nobody@" + domain + "/password", "{\"password\":\"abc\"}").status());
        assertEquals(404, admin.get("/api/v1/accounts/nobody@" + domain).status());
        assertEquals(404, admin.delete("/api/v1/accounts/nobody@" + domain).status());
        assertEquals(404, admin.get("/api/v1/accounts?domain=unknown-" + domain).status());
    }

    @Test
    void apopSecretsAreSetAndRemovedButNeverShown() throws Exception {
        createDomain(domain);
        String address = "apop@" + domain;
        createAccount(address, "login pw");

        assertEquals(204, admin.put("/api/v1/accounts/" + address + "/apop-secret", "{\"secret\":\"tanstaaf\"}").status());
        AdminClient.Reply account = admin.get("/api/v1/accounts/" + address);
        assertFalse(account.body().contains("tanstaaf") || account.body().contains("secret"), account.body());
        assertEquals(400, admin.put("/api/v1/accounts/" + address + "/apop-secret", "{\"secret\":\"\"}").status());
        assertEquals(400, admin.put("/api/v1/accounts/" + address + "/apop-secret",
                "{\"secret\":\"" + "x".repeat(129) + "\"}").status());
        assertEquals(404, admin.put("/api/v1/accounts/nobody@" + domain + "/apop-secret", "{\"secret\":\"s\"}").status());
        assertEquals(204, admin.delete("/api/v1/accounts/" + address + "/apop-secret").status());
        assertEquals(404, admin.delete("/api/v1/accounts/nobody@" + domain + "/apop-secret").status());
    }

    @Test
    void aliasesPointAtAccountsAndExternalAddresses() throws Exception {
        createDomain(domain);
        createAccount("alice@" + domain, "pw alice");
        String sales = "sales@" + domain;
        AdminClient.Reply created = admin.post("/api/v1/aliases",
                "{\"address\":\"" + sales + "\",\"targets\":[\"alice@" + domain + "\",\"bob@elsewhere.example\"]}");
        assertEquals(201, created.status(), created.toString());
        assertEquals(List.of("alice@" + domain, "bob@elsewhere.example"),
                created.object().getJsonArray("targets").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertTrue(strings(admin.get("/api/v1/aliases").json(), "address").contains(sales));
        assertEquals(sales, admin.get("/api/v1/aliases/" + sales).object().getString("address"));
        assertEquals(204, admin.delete("/api/v1/aliases/" + sales).status());
        assertEquals(404, admin.get("/api/v1/aliases/" + sales).status());
    }

    @Test
    void aliasErrors() throws Exception {
        createDomain(domain);
        createAccount("alice@" + domain, "pw alice");
        String info = "info@" + domain;
        assertEquals(400, admin.post("/api/v1/aliases", "{\"address\":\"" + info + "\",\"targets\":[]}").status());
        assertEquals(400, admin.post("/api/v1/aliases", "{\"address\":\"" + info + "\"}").status());
        assertEquals(400, admin.post("/api/v1/aliases", "{\"address\":\"" + info + "\",\"targets\":[\"not an address\"]}").status());
        assertEquals(400, admin.post("/api/v1/aliases",
                "{\"address\":\"info@unknown-" + domain + "\",\"targets\":[\"alice@" + domain + "\"]}").status());
        AdminClient.Reply noSuchAccount = admin.post("/api/v1/aliases",
                "{\"address\":\"" + info + "\",\"targets\":[\"nobody@" + domain + "\"]}");
        assertEquals(400, noSuchAccount.status(), "a local target must be an account: " + noSuchAccount);
        AdminClient.Reply clash = admin.post("/api/v1/aliases",
                "{\"address\":\"alice@" + domain + "\",\"targets\":[\"x@elsewhere.example\"]}");
        assertEquals(409, clash.status(), "an alias may not shadow an account: " + clash);

        assertEquals(201, admin.post("/api/v1/aliases", "{\"address\":\"" + info + "\",\"targets\":[\"alice@" + domain + "\"]}").status());
        assertEquals(409, admin.post("/api/v1/aliases", "{\"address\":\"" + info + "\",\"targets\":[\"alice@" + domain + "\"]}").status());
        assertEquals(409, admin.post("/api/v1/accounts", "{\"address\":\"" + info + "\",\"password\":\"xyz\"}").status(),
                "an account may not shadow an alias");
        assertEquals(404, admin.delete("/api/v1/aliases/nothing@" + domain).status());
    }

    @Test
    void clientSettingsAndDnsRecordsDescribeTheRunningListeners() throws Exception {
        createDomain(domain);
        createAccount("carol@" + domain, "a password");

        JsonObject settings = admin.get("/api/v1/accounts/carol@" + domain + "/client-settings").object();
        assertEquals(List.of("pop3 mx.test:" + Server.port("pop3s") + " SSL carol@" + domain,
                        "pop3 mx.test:" + Server.port("pop3") + " STARTTLS carol@" + domain),
                servers(settings.getJsonArray("incoming")));
        assertEquals(List.of("smtp mx.test:" + Server.port("smtps") + " SSL carol@" + domain,
                        "smtp mx.test:" + Server.port("submission") + " STARTTLS carol@" + domain),
                servers(settings.getJsonArray("outgoing")));
        assertEquals(404, admin.get("/api/v1/accounts/nobody@" + domain + "/client-settings").status());

        List<String> records = admin.get("/api/v1/domains/" + domain + "/dns-records").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .map(r -> r.getString("name") + " " + r.getString("type") + " " + r.getString("value"))
                .toList();
        assertTrue(records.contains(domain + ". MX 10 mx.test."), records.toString());
        assertTrue(records.contains("_submissions._tcp." + domain + ". SRV 0 1 " + Server.port("smtps") + " mx.test."),
                records.toString());
        assertTrue(records.contains("_pop3s._tcp." + domain + ". SRV 0 1 " + Server.port("pop3s") + " mx.test."),
                records.toString());
        assertEquals(404, admin.get("/api/v1/domains/unknown-" + domain + "/dns-records").status());
    }

    private static List<String> servers(JsonArray servers) {
        return servers.stream().map(JsonValue::asJsonObject)
                .map(s -> s.getString("protocol") + " " + s.getString("hostname") + ":" + s.getInt("port") + " "
                        + s.getString("security") + " " + s.getString("username"))
                .toList();
    }

    @Test
    void autoconfigurationIsServedForOurDomainsWithoutCredentials() throws Exception {
        createDomain(domain);
        AdminClient anonymous = AdminClient.anonymous();
        for (String path : List.of("/mail/config-v1.1.xml?emailaddress=dave%40" + domain,
                "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=dave%40" + domain.toUpperCase())) {
            AdminClient.Reply config = anonymous.get(path, "application/xml");
            assertEquals(200, config.status(), config.toString());
            assertTrue(config.header("Content-Type").orElse("").startsWith("application/xml"), config.toString());
            Element provider = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(config.body())))
                    .getElementsByTagName("emailProvider").item(0);
            assertEquals(domain, provider.getAttribute("id"));
            Element pop3s = (Element) provider.getElementsByTagName("incomingServer").item(0);
            assertEquals("pop3", pop3s.getAttribute("type"));
            assertEquals(Integer.toString(Server.port("pop3s")), pop3s.getElementsByTagName("port").item(0).getTextContent());
            assertEquals("SSL", pop3s.getElementsByTagName("socketType").item(0).getTextContent());
            assertEquals("%EMAILADDRESS%", pop3s.getElementsByTagName("username").item(0).getTextContent());
        }
        assertEquals(404, anonymous.get("/mail/config-v1.1.xml?emailaddress=x%40unknown-" + domain, "application/xml").status());
        assertEquals(400, anonymous.get("/mail/config-v1.1.xml?emailaddress=no-address", "application/xml").status());
    }

    @Test
    void theQueueIsListedFilteredHeldRetriedBouncedAndDeleted() throws Exception {
        MailFixture.ensure();
        // No DNS server answers for this domain in this test class: each attempt is deferred.
        String far = "q" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        submit("alice@example.test", List.of("one@" + far, "two@" + far));
        long one = awaitEntry(far, "one@" + far);
        long two = awaitEntry(far, "two@" + far);
        assertEquals(2, admin.get("/api/v1/queue?domain=" + far + "&sender=alice@example.test").json().asJsonArray().size());
        assertEquals(0, admin.get("/api/v1/queue?domain=" + far + "&sender=bob@example.test").json().asJsonArray().size());

        actWhenNotInDelivery("/api/v1/queue/" + one + "/hold");
        assertEquals("held", entry(one).getString("state"));
        assertEquals(409, admin.post("/api/v1/queue/" + one + "/hold", "").status(), "held already");
        assertEquals(List.of(one), admin.get("/api/v1/queue?state=held&domain=" + far).json().asJsonArray().stream()
                .map(e -> e.asJsonObject().getJsonNumber("id").longValue()).toList());

        assertEquals(204, admin.post("/api/v1/queue/" + one + "/retry", "").status());
        JsonObject retried = entry(one);
        assertFalse(retried.getString("state").equals("held"), retried.toString());
        assertFalse(java.time.Instant.parse(retried.getString("nextAttempt")).isAfter(java.time.Instant.now()),
                "due at once: " + retried);

        actWhenNotInDelivery("/api/v1/queue/" + two + "/bounce");
        JsonObject bounced = entry(two);
        assertEquals("bounced", bounced.getString("state"));
        assertTrue(bounced.getString("lastReply").contains("5.0.0"), bounced.toString());
        assertEquals(409, admin.post("/api/v1/queue/" + two + "/bounce", "").status(), "bounced already");
        awaitReport("alice@example.test", "two@" + far);

        assertEquals(204, admin.delete("/api/v1/queue/" + two).status());
        assertEquals(404, admin.get("/api/v1/queue/" + two).status());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        int deleted = 0;
        while (deleted == 0 && System.nanoTime() < deadline) {
            deleted = admin.post("/api/v1/queue/actions/delete?domain=" + far, "").object().getInt("entries");
            Thread.sleep(100);
        }
        assertEquals(1, deleted, "the one left, once no attempt holds it");
        assertEquals(0, admin.get("/api/v1/queue?domain=" + far).json().asJsonArray().size());
    }

    @Test
    void queueErrors() throws Exception {
        for (String query : List.of("state=nonsense", "older-than=yesterday", "older-than=-PT1H", "limit=0", "limit=1001",
                "domain=not%20a%20domain")) {
            AdminClient.Reply reply = admin.get("/api/v1/queue?" + query);
            assertEquals(400, reply.status(), query + ": " + reply);
            assertFalse(reply.error().isBlank());
        }
        assertEquals(200, admin.get("/api/v1/queue?state=DEFERRED&older-than=PT1H&limit=5").status());
        assertEquals(404, admin.get("/api/v1/queue/999999999").status());
        assertEquals(404, admin.post("/api/v1/queue/999999999/hold", "").status());
        assertEquals(404, admin.delete("/api/v1/queue/999999999").status());
        assertEquals(404, admin.post("/api/v1/queue/1/explode", "").status());
        assertEquals(400, admin.post("/api/v1/queue/actions/hold?state=nonsense", "").status());
    }

    private static void submit(String from, List<String> to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(Server.port("submission")));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.trust", "*");
        properties.put("mail.smtp.ssl.checkserveridentity", "false");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setSubject("queued for a while");
        message.setText("This cannot be delivered yet.\n");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("alice@example.test", "alice-pw");
            InternetAddress[] recipients = new InternetAddress[to.size()];
            for (int i = 0; i < to.size(); i++) {
                recipients[i] = new InternetAddress(to.get(i));
            }
            transport.sendMessage(message, recipients);
        }
    }

    private JsonObject entry(long id) throws Exception {
        AdminClient.Reply reply = admin.get("/api/v1/queue/" + id);
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    /** The id of {@code recipient}'s entry once it has been tried and deferred. */
    private long awaitEntry(String domain, String recipient) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonValue value : admin.get("/api/v1/queue?domain=" + domain).json().asJsonArray()) {
                JsonObject entry = value.asJsonObject();
                if (entry.getString("recipient").equals(recipient) && entry.getInt("attempts") > 0) {
                    return entry.getJsonNumber("id").longValue();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no deferred entry for " + recipient);
    }

    /** An action on an entry a delivery attempt may hold for a moment: 409 until the attempt is over. */
    private void actWhenNotInDelivery(String path) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        AdminClient.Reply reply;
        do {
            reply = admin.post(path, "");
            if (reply.status() == 204) {
                return;
            }
            assertEquals(409, reply.status(), reply.toString());
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " still refused: " + reply);
    }

    /** Waits for the bounce that names {@code recipient} in {@code account}'s mailbox. */
    private void awaitReport(String account, String recipient) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (JsonValue value : admin.get("/api/v1/accounts/" + account + "/messages").json().asJsonArray()) {
                String text = admin.get("/api/v1/accounts/" + account + "/messages/" + value.asJsonObject().getJsonNumber("id"),
                        "message/rfc822").body();
                if (text.contains("Final-Recipient: rfc822; " + recipient) && text.contains("Bounced by the administrator")) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no bounce for " + recipient + " in " + account);
    }

    @Test
    void settingsShowTheConfigurationWithSecretsMaskedAndTheCertificate() throws Exception {
        JsonObject settings = admin.get("/api/v1/settings").object();
        assertEquals("mx.test", settings.getString("hostname"));
        JsonObject properties = settings.getJsonObject("properties");
        assertEquals(String.valueOf(Server.port("smtp")), properties.getString("mail.smtp.port"));
        assertEquals("********", properties.getString("mail.admin.password"));
        assertFalse(settings.toString().contains(Server.ADMIN_PASSWORD), "the password never shows");
        assertEquals(5, settings.getJsonArray("listeners").size());
        JsonObject certificate = settings.getJsonObject("certificate");
        assertTrue(certificate.getString("subject").contains("CN=mx.test"), certificate.toString());
        assertTrue(certificate.getBoolean("selfSigned"), certificate.toString());
        assertTrue(java.time.Instant.parse(certificate.getString("notAfter")).isAfter(java.time.Instant.now()));
        assertEquals(95, certificate.getString("sha256").length(), "32 hex pairs with colons");
    }

    @Test
    void credentialsAreRequired() throws Exception {
        AdminClient.Reply anonymous = AdminClient.anonymous().get("/api/v1/domains");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous.toString());
        assertFalse(anonymous.error().isBlank());
        assertEquals(401, AdminClient.as("admin", "wrong").get("/api/v1/domains").status());
        assertEquals(401, AdminClient.as("root", Server.ADMIN_PASSWORD).get("/api/v1/domains").status());
        assertEquals(401, AdminClient.anonymous().post("/api/v1/domains", "{\"name\":\"" + domain + "\"}").status());
        assertEquals(404, admin.get("/api/v1/domains/" + domain).status(), "nothing was created without credentials");
    }

    @Test
    void badRequestsGetAReasonAndNeverAStackTrace() throws Exception {
        AdminClient.Reply unknownPath = admin.get("/api/v1/nothing-here");
        assertEquals(404, unknownPath.status());
        assertFalse(unknownPath.error().isBlank());
        AdminClient.Reply wrongType = admin.send(admin.request("/api/v1/domains")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertEquals(415, wrongType.status(), wrongType.toString());
        AdminClient.Reply wrongMethod = admin.put("/api/v1/domains", "{}");
        assertEquals(405, wrongMethod.status(), wrongMethod.toString());
        for (AdminClient.Reply reply : List.of(unknownPath, wrongType, wrongMethod)) {
            assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply.body());
        }
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        // The server builds the document at its first request, which on a busy machine takes longer than other calls.
        AdminClient.Reply openapi = AdminClient.anonymous().send(AdminClient.anonymous().request("/openapi")
                .timeout(java.time.Duration.ofMinutes(2)).header("Accept", "application/json").GET());
        assertEquals(200, openapi.status());
        JsonObject paths = openapi.object().getJsonObject("paths");
        for (String path : List.of("/api/v1/domains", "/api/v1/accounts", "/api/v1/accounts/{address}/password", "/api/v1/aliases",
                "/api/v1/domains/{name}/dns-records", "/api/v1/accounts/{address}/client-settings", "/api/v1/queue",
                "/api/v1/stats", "/api/v1/settings")) {
            assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
        }
    }
}
