// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in headless Chromium, as an administrator uses it: one browser and one session
 * for the whole class, so the steps run in order (log in, create, watch mail arrive, act on the
 * queue, follow a message's trail, manage accounts and administrators, check the defences, log out,
 * log in as another administrator). Screenshots of the main pages go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String DOMAIN = "console-" + RUN + ".test";
    private static final String ACCOUNT = "dora@" + DOMAIN;
    private static final String SECOND_ADMIN = "ops-" + RUN;
    private static final String SECOND_ADMIN_PASSWORD = "the second administrator's password " + RUN;
    /** The Message-ID of the first message delivered, followed on the trail page. */
    private static final String HELLO_ID = "<hello-" + UUID.randomUUID() + "@elsewhere.example>";
    private static ConsoleBrowser browser;
    private final AdminClient admin = AdminClient.asAdmin();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.application();
    }

    @BeforeAll
    static void start() throws Exception {
        MailFixture.ensure();
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theConsoleAsksForALoginAndSendsTheSecurityHeaders() throws Exception {
        browser.get("/");
        browser.await("the login page", d -> d.getCurrentUrl().contains("/login.html"));
        logIn("admin", "wrong password");
        browser.await("a refused login", d -> d.getCurrentUrl().endsWith("/login.html?error"));
        assertEquals("Wrong user name or password.", browser.find("#login-message").getText());

        AdminClient.Reply page = AdminClient.anonymous().get("/login.html", "text/html");
        String policy = page.header("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'")
                && !policy.contains("unsafe-inline"), policy);
        assertEquals("DENY", page.header("X-Frame-Options").orElse(""));
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""));
        assertTrue(page.header("Referrer-Policy").isPresent());
        AdminClient.Reply console = AdminClient.anonymous().get("/console/js/main.js", "*/*");
        assertEquals(302, console.status(), "the console's scripts need a login too");
        AdminClient.Reply api = AdminClient.anonymous().get("/api/v1/domains");
        assertEquals(401, api.status(), "the API still wants Basic from scripts");
        assertTrue(api.header("WWW-Authenticate").orElse("").startsWith("Basic"), api.toString());

        logIn("admin", Server.ADMIN_PASSWORD);
        browser.find("body[data-ready='dashboard']");
        assertEquals("admin", browser.find("#user").getText());
    }

    private static void logIn(String user, String password) {
        for (String[] typed : new String[][] {{"#username", user}, {"#password", password}}) {
            WebElement field = browser.find(typed[0]);
            field.clear();
            field.sendKeys(typed[1]);
        }
        browser.find("#login-button").click();
    }

    @Test
    @Order(2)
    void aDomainAndAnAccountAreCreatedOnTheirPages() throws Exception {
        browser.open("domains");
        browser.find("#domain-name").sendKeys(DOMAIN);
        browser.find("#domain-form button").click();
        browser.find("tr[data-domain='" + DOMAIN + "'] button").click();
        browser.await("the DNS records", d -> d.findElement(By.id("dns-records")).getText().contains(DOMAIN + ". MX 10 mx.test."));

        browser.open("accounts?domain=" + DOMAIN);
        browser.find("#account-address").sendKeys(ACCOUNT);
        browser.find("#account-password").sendKeys("dora's password");
        browser.find("#account-quota").sendKeys("10");
        browser.find("#account-form button").click();
        browser.find("tr[data-account='" + ACCOUNT + "'] button").click();
        browser.await("the client settings", d -> d.findElement(By.id("account-detail")).getText()
                .contains("mx.test " + Server.port("pop3s") + " SSL " + ACCOUNT));
        JsonObject account = admin.get("/api/v1/accounts/" + ACCOUNT).object();
        assertEquals(10L * 1024 * 1024, account.getJsonNumber("quota").longValue());
        browser.screenshot("accounts");
    }

    @Test
    @Order(3)
    void aMessageMovesTheDashboardLiveAndShowsInTheMailbox() throws Exception {
        browser.open("dashboard");
        long counted = Long.parseLong(browser.find("#counter-delivered_locally").getAttribute("data-value"));
        long charted = chartSum("delivered_locally");
        browser.script("window.sameDocument = true;");

        String subject = "hello " + RUN;
        RawSmtp.deliver(ACCOUNT, message(HELLO_ID, "Subject: " + subject, "text/plain", "Hi Dora.").getBytes(StandardCharsets.UTF_8));
        browser.await("the counter to move", d -> Long.parseLong(d.findElement(By.id("counter-delivered_locally"))
                .getAttribute("data-value")) > counted);
        browser.await("the chart to move", d -> chartSum("delivered_locally") > charted);
        assertEquals(Boolean.TRUE, browser.script("return window.sameDocument === true;"), "updated without a reload");
        browser.screenshot("dashboard");

        assertTrue(openMessage(subject).contains("Hi Dora."));
        browser.screenshot("mailbox");
    }

    private static long chartSum(String series) {
        return Long.parseLong(browser.find("#chart-traffic polyline[data-series='" + series + "']").getAttribute("data-sum"));
    }

    /** Opens the message carrying {@code marker} in the mailbox page and shows its source. */
    private static String openMessage(String marker) {
        browser.open("mailboxes?account=" + ACCOUNT);
        List<WebElement> rows = browser.await("messages", d -> {
            List<WebElement> found = d.findElements(By.cssSelector("tr[data-message]"));
            return found.isEmpty() ? null : found;
        });
        for (int i = rows.size() - 1; i >= 0; i--) {
            browser.find("tr[data-message]:nth-child(" + (i + 1) + ") button[data-action='open']").click();
            browser.find("#show-source").click();
            String source = browser.find("#message-source pre").getText();
            if (source.contains(marker)) {
                return browser.find("#message-detail").getText();
            }
        }
        throw new AssertionError("no message with " + marker + " in the mailbox of " + ACCOUNT);
    }

    private static String message(String messageId, String subjectLine, String type, String body) {
        return "From: \"<script>window.pwned='from'</script>\" <fixture@elsewhere.example>\r\n"
                + "To: <" + ACCOUNT + ">\r\n" + subjectLine + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: " + type + "; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    @Test
    @Order(4)
    void scriptAndMarkupInAMessageAreShownAsTextAndRunNothing() throws Exception {
        String marker = "evil " + RUN;
        String subject = "<script>window.pwned='subject'</script><img src=x onerror=\"window.pwned='img'\"> " + marker;
        String body = "<html><body><script>window.pwned='body'</script><img src=x onerror=\"window.pwned='body-img'\">"
                + "<b>bold</b></body></html>";
        RawSmtp.deliver(ACCOUNT, message("<" + UUID.randomUUID() + "@elsewhere.example>", "Subject: " + subject, "text/html", body).getBytes(StandardCharsets.UTF_8));
        OutboundMail.awaitInMailbox(admin, ACCOUNT, marker, 30).orElseThrow(() -> new AssertionError("not delivered"));

        String shown = openMessage(marker);
        assertTrue(shown.contains("Subject: " + subject), "the subject as it is: " + shown);
        assertTrue(shown.contains(body), "the markup as text: " + shown);
        assertEquals(Boolean.TRUE, browser.script("return window.pwned === undefined;"), "no script of the message ran");
        assertFalse(browser.present("#page img, #page script, #page b"), "no element came from the message");

        WebElement row = messageRow(marker);
        String id = row.getAttribute("data-message");
        assertEquals(subject, row.findElement(By.cssSelector("td.subject")).getText(), "the Subject column as text");
        String from = row.findElement(By.cssSelector("td.from")).getText();
        assertTrue(from.contains("<script>window.pwned='from'</script>") && from.contains("fixture@elsewhere.example"),
                "the From column as text: " + from);
        row.findElement(By.cssSelector("button[data-action='open']")).click();
        WebElement text = browser.find("#message-summary pre.message-text");
        assertEquals(subject, summaryHeader("Subject"), "the summary's Subject header as text");
        assertTrue(summaryHeader("From").contains("<script>window.pwned='from'</script>"), summaryHeader("From"));
        assertTrue(text.getText().contains("bold"), "the HTML part as plain text: " + text.getText());
        assertFalse(browser.present("#page img, #page script, #page b"), "no element came from the list or the summary");
        assertEquals(Boolean.TRUE, browser.script("return window.pwned === undefined;"), "no script of the list or the summary ran");
        browser.screenshot("mailbox-summary");

        WebElement delete = row.findElement(By.cssSelector("button.danger"));
        delete.click();
        delete.click();
        browser.await("the message gone from the list", d -> d.findElements(By.cssSelector("tr[data-message='" + id + "']")).isEmpty());
        JsonArray left = admin.get("/api/v1/accounts/" + ACCOUNT + "/messages").json().asJsonArray();
        assertTrue(left.stream().noneMatch(m -> m.asJsonObject().getJsonNumber("id").longValue() == Long.parseLong(id)),
                "deleted on the server too: " + left);
        assertFalse(left.isEmpty(), "only that message was deleted");
    }

    /** The mailbox page's row of the message whose Subject column holds {@code marker}. */
    private static WebElement messageRow(String marker) {
        browser.open("mailboxes?account=" + ACCOUNT);
        return browser.await("the message in the list", d -> d.findElements(By.cssSelector("tr[data-message]")).stream()
                .filter(r -> r.findElement(By.cssSelector("td.subject")).getText().contains(marker))
                .findFirst().orElse(null));
    }

    /** The value of a header field in the summary of the opened message. */
    private static String summaryHeader(String name) {
        return browser.find("#message-summary table.headers").findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td:first-child")).getText().equals(name))
                .map(r -> r.findElement(By.cssSelector("td:last-child")).getText())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in the summary"));
    }

    @Test
    @Order(5)
    void aFailingRelayIsInTheQueueAndRetryNowTriesAgain() throws Exception {
        // No DNS server answers in this class: every attempt for this domain is deferred.
        String far = "far-" + RUN + ".example";
        String recipient = "someone@" + far;
        OutboundMail.submit(Server.port("submission"), "alice@example.test", recipient, "for " + far);
        browser.open("queue?domain=" + far);
        String row = "tr[data-recipient='" + recipient + "']";
        WebElement deferred = browser.await("a deferred attempt", d -> {
            List<WebElement> found = reloadQueue().findElements(By.cssSelector(row + "[data-state='deferred']"));
            return found.isEmpty() ? null : found.get(0);
        });
        int attempts = Integer.parseInt(deferred.getAttribute("data-attempts"));
        assertTrue(attempts >= 1 && deferred.getText().contains("451"), deferred.getText());
        String entry = deferred.getAttribute("data-entry");
        deferred.findElement(By.cssSelector("button[data-action='attempts']")).click();
        List<WebElement> shown = browser.await("the attempts", d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#queue-detail tbody tr"));
            return found.isEmpty() ? null : found;
        });
        JsonObject first = admin.get("/api/v1/queue/" + entry + "/attempts").json().asJsonArray().getJsonObject(0);
        String firstShown = shown.get(0).getText();
        assertTrue(first.getString("reply").contains("451") && firstShown.contains(first.getString("outcome"))
                && firstShown.contains(first.getString("reply").strip().split("\\s+")[0]), firstShown + " / " + first);
        assertTrue(shown.get(0).findElement(By.cssSelector("code")).getText().contains("451"), "the remote reply: " + firstShown);
        browser.screenshot("queue");

        deferred.findElement(By.cssSelector("button[data-action='retry']")).click();
        browser.await("another attempt", d -> reloadQueue().findElements(By.cssSelector(row)).stream()
                .anyMatch(e -> Integer.parseInt(e.getAttribute("data-attempts")) > attempts));
        deleteQueued(far);
    }

    /** Shows the queue's list again and waits until it is drawn anew; answers the page. */
    private static WebElement reloadQueue() {
        WebElement page = browser.find(".page-queue");
        String drawn = page.getAttribute("data-loads");
        browser.find("#queue-filter button").click();
        browser.await("the queue drawn again", d -> !drawn.equals(page.getAttribute("data-loads")));
        return page;
    }

    private void deleteQueued(String domain) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !admin.get("/api/v1/queue?domain=" + domain).json().asJsonArray().isEmpty()) {
            admin.post("/api/v1/queue/actions/delete?domain=" + domain, "");
            Thread.sleep(200);
        }
    }

    @Test
    @Order(6)
    void settingsTrailAndThePhoneLayout() throws Exception {
        browser.open("settings");
        assertEquals("mx.test", browser.find("#hostname").getText());
        assertTrue(browser.find("#certificate").getText().contains("CN=mx.test"));
        assertTrue(browser.find("#properties").getText().contains("mail.admin.password ********"));
        assertFalse(browser.find("#page").getText().contains(Server.ADMIN_PASSWORD));
        browser.screenshot("settings");

        browser.open("trail");
        new Select(browser.find("#trail-key")).selectByValue("messageId");
        browser.find("#trail-value").sendKeys(HELLO_ID);
        browser.find("#trail-form button").click();
        WebElement stored = browser.find("#trail-results tr[data-kind='stored']");
        assertTrue(browser.present("#trail-results tr[data-kind='received']"), browser.find("#trail-results").getText());
        assertEquals(ACCOUNT, stored.findElement(By.cssSelector("td:nth-child(3)")).getText());
        assertTrue(browser.find("#trail-results h2").getText().contains(HELLO_ID.substring(1, HELLO_ID.length() - 1)),
                browser.find("#trail-results h2").getText());
        assertEquals("1", browser.find(".page-trail").getAttribute("data-count"), "one message has that Message-ID");
        browser.screenshot("trail");

        browser.resize(ConsoleBrowser.PHONE);
        try {
            browser.open("dashboard");
            assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"),
                    "nothing wider than a phone's screen");
            assertTrue(browser.find("#nav").isDisplayed());
            browser.screenshot("dashboard-phone");
        } finally {
            browser.resize(ConsoleBrowser.DESKTOP);
        }
    }

    @Test
    @Order(7)
    void anAccountShowsItsUsageAndIsDisabledOnItsPage() throws Exception {
        browser.open("accounts?domain=" + DOMAIN);
        long used = admin.get("/api/v1/accounts/" + ACCOUNT).object().getJsonNumber("used").longValue();
        assertTrue(used > 0, "the message left in the mailbox counts");
        String row = "tr[data-account='" + ACCOUNT + "']";
        WebElement meter = browser.find(row + " meter");
        assertEquals(used, (long) Double.parseDouble(meter.getAttribute("value")));
        assertTrue(browser.find(row).getText().contains(" of 10.0 MiB"), browser.find(row).getText());

        browser.find(row + " button").click();
        WebElement toggle = browser.await("the account's form", d -> {
            WebElement found = d.findElement(By.id("toggle-enabled"));
            return found.getText().equals("Disable account") ? found : null;
        });
        toggle.click();
        browser.await("the account shown disabled", d -> d.findElement(By.cssSelector(row + " .state")).getText().equals("disabled")
                && d.findElement(By.id("toggle-enabled")).getText().equals("Enable account"));
        assertFalse(admin.get("/api/v1/accounts/" + ACCOUNT).object().getBoolean("enabled"));
        browser.screenshot("accounts-disabled");
    }

    @Test
    @Order(8)
    void aSecondAdministratorIsAddedOnItsPage() throws Exception {
        browser.open("admins");
        browser.find("#admin-username").sendKeys(SECOND_ADMIN);
        browser.find("#admin-password").sendKeys(SECOND_ADMIN_PASSWORD);
        browser.find("#admin-form button").click();
        WebElement row = browser.find("tr[data-admin='" + SECOND_ADMIN + "']");
        assertEquals(SECOND_ADMIN, row.findElement(By.cssSelector("td:first-child")).getText());
        assertTrue(browser.find("tr[data-admin='admin']").getText().startsWith("admin (you)"));
        assertEquals(200, AdminClient.as(SECOND_ADMIN, SECOND_ADMIN_PASSWORD).get("/api/v1/admins").status());
    }

    @Test
    @Order(9)
    void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        String forged = "forged-" + RUN + ".test";
        Object status = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/domains', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({name: arguments[0]})}).then(r => done(r.status));", forged);
        assertEquals(403L, status);
        assertEquals(404, admin.get("/api/v1/domains/" + forged).status(), "nothing was created");

        String cookie = sessionCookie();
        AdminClient other = AdminClient.anonymous();
        AdminClient.Reply read = other.send(other.request("/api/v1/domains").header("Cookie", cookie).GET());
        assertEquals(200, read.status(), "reading needs no token: " + read);
        AdminClient.Reply post = other.send(other.request("/api/v1/domains").header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + forged + "\"}")));
        assertEquals(403, post.status(), post.toString());
    }

    @Test
    @Order(10)
    void loggingOutEndsTheSessionForTheApiToo() throws Exception {
        String cookie = sessionCookie();
        browser.find("#logout").click();
        browser.await("the login page", d -> d.getCurrentUrl().endsWith("/login.html?logged-out"));
        AdminClient other = AdminClient.anonymous();
        AdminClient.Reply after = other.send(other.request("/api/v1/domains").header("Cookie", cookie).GET());
        assertEquals(401, after.status(), "the old cookie opens nothing: " + after);
        browser.get("/console/");
        browser.await("the login page again", d -> d.getCurrentUrl().contains("/login.html"));
    }

    @Test
    @Order(11)
    void theSecondAdministratorLogsIn() throws Exception {
        logIn(SECOND_ADMIN, SECOND_ADMIN_PASSWORD);
        browser.find("body[data-ready='dashboard']");
        assertEquals(SECOND_ADMIN, browser.find("#user").getText());
        browser.open("admins");
        assertTrue(browser.find("tr[data-admin='" + SECOND_ADMIN + "']").getText().startsWith(SECOND_ADMIN + " (you)"));
        browser.find("#logout").click();
        browser.await("the login page", d -> d.getCurrentUrl().endsWith("/login.html?logged-out"));
        assertEquals(204, admin.delete("/api/v1/admins/" + SECOND_ADMIN).status());
    }

    private static String sessionCookie() {
        return "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
    }
}
