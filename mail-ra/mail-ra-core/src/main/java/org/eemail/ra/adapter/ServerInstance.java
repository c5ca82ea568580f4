// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eemail.ra.config.ListenerEndpoint;
import org.eemail.ra.config.ServerSettings;

/**
 * The name of this server among those that share a database, the same at every start: the
 * machine's name and a digest of the data directory and of the addresses the listeners bind. A
 * server that starts again under its old name can clear the POP3 locks its former run left
 * behind when it stopped or crashed, instead of making their users wait for the lease to lapse.
 * The listeners' addresses set apart instances of a cluster that run on one machine with one
 * data directory: two running processes cannot bind the same address and port, so they never
 * share a name and never clear each other's locks.
 */
final class ServerInstance {

    private static final int MOST_HOST_CHARS = 40;

    private ServerInstance() {
    }

    static String name(ServerSettings settings) {
        return name(machineName(), settings);
    }

    static String name(String machine, ServerSettings settings) {
        String host = machine.length() > MOST_HOST_CHARS ? machine.substring(0, MOST_HOST_CHARS) : machine;
        StringBuilder identity = new StringBuilder(settings.dataDirectory().toAbsolutePath().normalize().toString());
        for (ListenerEndpoint endpoint : settings.endpoints()) {
            identity.append(' ').append(endpoint.address().getAddress().getHostAddress())
                    .append(':').append(endpoint.address().getPort());
        }
        return host + "/" + digest(identity.toString());
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException noName) {
            return "localhost";
        }
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
