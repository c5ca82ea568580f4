// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.StartupFailure;

/**
 * The adapter's configuration, read once at start and checked before anything is bound: a bad
 * value stops the start with a {@link StartupFailure} that names the property.
 *
 * @param hostname         {@code mail.hostname}: the name in greetings and trace headers
 * @param dataDirectory    {@code mail.data.dir}: database files, the generated certificate
 * @param keystore         {@code mail.tls.keystore}: a PKCS#12 file, if the administrator gave one
 * @param keystorePassword {@code mail.tls.keystore-password}
 * @param endpoints        the listeners switched on (port not 0), in {@link Listener} order
 */
public record ServerSettings(String hostname, Path dataDirectory, Optional<Path> keystore,
                             String keystorePassword, List<ListenerEndpoint> endpoints) {

    public static final String HOSTNAME = "mail.hostname";
    public static final String BIND_ADDRESS = "mail.bind-address";
    public static final String DATA_DIR = "mail.data.dir";
    public static final String KEYSTORE = "mail.tls.keystore";
    public static final String KEYSTORE_PASSWORD = "mail.tls.keystore-password";

    public static ServerSettings load(SettingSource source) {
        InetAddress bindAddress = bindAddress(source.value(BIND_ADDRESS).orElse("0.0.0.0"));
        List<ListenerEndpoint> endpoints = new ArrayList<>();
        Map<Integer, Listener> taken = new HashMap<>();
        for (Listener listener : Listener.values()) {
            int port = port(listener, source.value(listener.portProperty()));
            if (port == 0) {
                continue;
            }
            Listener other = taken.putIfAbsent(port, listener);
            if (other != null) {
                throw StartupFailure.of(listener.portProperty(), port, "the same port as " + other.portProperty());
            }
            int publicPort = source.value(listener.publicPortProperty())
                    .map(text -> publicPort(listener, text))
                    .orElse(port);
            endpoints.add(new ListenerEndpoint(listener, new InetSocketAddress(bindAddress, port), publicPort));
        }
        Path dataDirectory = Path.of(source.value(DATA_DIR).orElse("data")).toAbsolutePath();
        return new ServerSettings(
                source.value(HOSTNAME).orElseGet(ServerSettings::machineName),
                dataDirectory,
                source.value(KEYSTORE).map(Path::of),
                source.value(KEYSTORE_PASSWORD).orElse(""),
                List.copyOf(endpoints));
    }

    /** The endpoint of {@code listener}, unless it is switched off. */
    public Optional<ListenerEndpoint> endpoint(Listener listener) {
        return endpoints.stream().filter(e -> e.listener() == listener).findFirst();
    }

    private static int port(Listener listener, Optional<String> configured) {
        if (configured.isEmpty()) {
            return listener.defaultPort();
        }
        String text = configured.get().trim();
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value as given
        }
        throw StartupFailure.of(listener.portProperty(), text, "not a port number (1-65535, or 0 to switch the listener off)");
    }

    private static int publicPort(Listener listener, String configured) {
        String text = configured.trim();
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value as given
        }
        throw StartupFailure.of(listener.publicPortProperty(), text, "not a port number (1-65535)");
    }

    private static InetAddress bindAddress(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            throw StartupFailure.of(BIND_ADDRESS, text, "not an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(text); // a literal: no name lookup happens
        } catch (UnknownHostException malformed) {
            throw StartupFailure.of(BIND_ADDRESS, text, "not an IPv4 or IPv6 address");
        }
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException noName) {
            return "localhost";
        }
    }
}
