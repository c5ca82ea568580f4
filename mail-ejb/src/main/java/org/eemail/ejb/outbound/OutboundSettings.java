// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How mail leaves: the name to greet with, where remote servers listen, which DNS servers to ask
 * and, optionally, a smart host that takes everything instead of MX routing.
 *
 * @param hostname       {@code mail.hostname}: the EHLO name, the Reporting-MTA of bounces
 * @param port           {@code mail.outbound.port}: the port of every remote server found by MX
 *                       routing (25; tests point it at their loopback peers)
 * @param connectTimeout {@code mail.outbound.connect-timeout}
 * @param timeout        {@code mail.outbound.timeout}: the longest wait for one reply
 * @param dnsServers     {@code mail.dns.servers}: {@code host[:port]} list; empty for the system's
 * @param dnsTimeout     {@code mail.dns.timeout}
 * @param relay          {@code mail.relay.host} and friends, when set
 */
public record OutboundSettings(String hostname, int port, Duration connectTimeout, Duration timeout,
                               List<InetSocketAddress> dnsServers, Duration dnsTimeout, Optional<RelayHost> relay) {

    /**
     * A smart host.
     *
     * @param host        {@code mail.relay.host}: {@code host}, {@code host:port} or {@code [host]:port}
     *                    (brackets: no MX lookup, as in Postfix; a smart host is never MX-routed here)
     * @param port        587 unless given
     * @param username    {@code mail.relay.username}, for AUTH
     * @param password    {@code mail.relay.password}
     * @param tlsRequired {@code mail.relay.tls=required}: STARTTLS with a verified certificate or
     *                    no delivery; {@code opportunistic} (default) uses STARTTLS when offered
     */
    public record RelayHost(String host, int port, Optional<String> username, Optional<String> password,
                            boolean tlsRequired) {
    }

    public static OutboundSettings from(Config config) {
        return new OutboundSettings(
                config.getOptionalValue("mail.hostname", String.class).orElseGet(OutboundSettings::localName),
                port(config.getOptionalValue("mail.outbound.port", String.class).orElse("25"), "mail.outbound.port"),
                QueueSettings.duration(config, "mail.outbound.connect-timeout", "PT30S"),
                QueueSettings.duration(config, "mail.outbound.timeout", "PT5M"),
                dnsServers(config.getOptionalValue("mail.dns.servers", String.class).orElse("")),
                QueueSettings.duration(config, "mail.dns.timeout", "PT5S"),
                config.getOptionalValue("mail.relay.host", String.class).filter(h -> !h.isBlank())
                        .map(host -> relay(host, config)));
    }

    static List<InetSocketAddress> dnsServers(String value) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String server : value.split(",")) {
            if (!server.isBlank()) {
                HostPort parsed = HostPort.parse(server.trim(), 53, "mail.dns.servers");
                servers.add(new InetSocketAddress(parsed.host(), parsed.port()));
            }
        }
        return List.copyOf(servers);
    }

    private static RelayHost relay(String value, Config config) {
        HostPort parsed = HostPort.parse(value.trim(), 587, "mail.relay.host");
        String tls = config.getOptionalValue("mail.relay.tls", String.class).orElse("opportunistic").trim();
        if (!tls.equals("required") && !tls.equals("opportunistic")) {
            throw new IllegalArgumentException("mail.relay.tls=" + tls + ": must be required or opportunistic");
        }
        return new RelayHost(parsed.host(), parsed.port(), config.getOptionalValue("mail.relay.username", String.class),
                config.getOptionalValue("mail.relay.password", String.class), tls.equals("required"));
    }

    static int port(String value, String property) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + "=" + value + ": not a port number (1-65535)");
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** {@code host}, {@code host:port}, {@code [host]:port} or {@code [v6-address]:port}. */
    record HostPort(String host, int port) {

        static HostPort parse(String value, int defaultPort, String property) {
            if (value.startsWith("[")) {
                int close = value.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException(property + "=" + value + ": missing ]");
                }
                String rest = value.substring(close + 1);
                return new HostPort(value.substring(1, close),
                        rest.isEmpty() ? defaultPort : OutboundSettings.port(rest.substring(1), property));
            }
            int colon = value.lastIndexOf(':');
            if (colon < 0 || value.indexOf(':') != colon) {
                return new HostPort(value, defaultPort);
            }
            return new HostPort(value.substring(0, colon), OutboundSettings.port(value.substring(colon + 1), property));
        }
    }
}
