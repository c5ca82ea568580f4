// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Payara Server from {@code fish.payara.distributions:payara}: a domain of its own created with
 * {@code asadmin create-domain --portbase}, so its admin (base + 48), HTTP (base + 80) and other
 * ports are a free block of 100; the {@code mail.*} settings as {@code create-system-properties}.
 */
final class PayaraServer extends AppServer {

    private static final String DOMAIN = "mail-smoke";
    /** create-domain assigns ports from the base up to base + 86 (admin + 48, HTTP + 80, IIOP + 37, …); the running server also uses + 49. */
    private static final List<Integer> PORT_OFFSETS = IntStream.range(0, 100).boxed().toList();

    private final Path home = Path.of(System.getProperty("it.payara.home"));
    private final Path domains = work.resolve("domains");
    private int portBase;

    PayaraServer() {
        super("payara");
    }

    @Override
    String title() {
        return "Payara Server";
    }

    @Override
    void launch() throws Exception {
        portBase = freeBlock(30_000, PORT_OFFSETS);
        asadmin("create-domain", "--domaindir", domains.toString(), "--portbase", String.valueOf(portBase),
                "--nopassword=true", DOMAIN);
        asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN);
    }

    /**
     * One {@code create-system-properties}: {@code name=value} pairs separated by ':', so a ':'
     * inside a value (a JDBC URL's) is written {@code \:}.
     */
    @Override
    void setSystemProperties(Map<String, String> properties) throws Exception {
        String pairs = properties.entrySet().stream()
                .map(property -> property.getKey() + "=" + property.getValue().replace(":", "\\:"))
                .collect(Collectors.joining(":"));
        remote("create-system-properties", pairs);
    }

    @Override
    void deploy(Path archive) throws Exception {
        remote("deploy", archive.toString());
    }

    @Override
    void undeploy() throws Exception {
        remote("undeploy", "mail");
    }

    @Override
    void shutdown() throws Exception {
        asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
    }

    /** start-domain writes the server JVM's id to the domain's config/pid; stop-domain removes it. */
    @Override
    Optional<ProcessHandle> serverProcess() {
        return processFromPidFile(domains.resolve(DOMAIN).resolve("config").resolve("pid"), domains.toString());
    }

    @Override
    URI http() {
        return URI.create("http://127.0.0.1:" + (portBase + 80) + "/");
    }

    @Override
    Path log() {
        return domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
    }

    /** A command for the running domain, through its admin port. */
    private void remote(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("--port", String.valueOf(portBase + 48)));
        line.addAll(List.of(command));
        asadmin(line.toArray(String[]::new));
    }

    private void asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        tool(command);
    }
}
