// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (the system packages {@code chromium}
 * and {@code chromium-driver}; {@code it.chromium} and {@code it.chromedriver} point elsewhere),
 * with the console's own navigation: a page is ready when the shell marks {@code body[data-ready]}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 1000);
    /** A common phone's CSS viewport. */
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots;

    ConsoleBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // A list drawn anew while a condition reads the old one: read again.
        wait.ignoring(StaleElementReferenceException.class);
        screenshots = Path.of(System.getProperty("it.screenshots", "target/screenshots"),
                System.getProperty("it.database", "h2"));
    }

    WebDriver driver() {
        return driver;
    }

    void get(String path) {
        driver.get(Server.http(path).toString());
    }

    /** Opens a console page, {@code "queue?domain=x.test"}, and waits until it has drawn itself. */
    void open(String hash) {
        String page = hash.split("\\?")[0];
        if (driver.getCurrentUrl().contains("/console/")) {
            script("delete document.body.dataset.ready;"
                    + "if (location.hash === '#' + arguments[0]) { dispatchEvent(new HashChangeEvent('hashchange')); }"
                    + "else { location.hash = arguments[0]; }", hash);
        } else {
            get("/console/#" + hash);
        }
        find("body[data-ready='" + page + "']");
    }

    WebElement find(String css) {
        return wait.withMessage(css).until(d -> d.findElement(By.cssSelector(css)));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return wait.withMessage(what).until(condition);
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** Runs {@code code}, which calls {@code done(value)} (the last argument) when finished. */
    Object asyncScript(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(code, arguments);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Keeps the page as {@code name}.png in target/screenshots/{database}, a test artifact. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
