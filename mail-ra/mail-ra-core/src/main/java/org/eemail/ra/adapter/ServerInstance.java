// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of this server among those that share a database, the same at every start: the
 * machine's name and a digest of the data directory. A server that starts again under its old
 * name can clear the POP3 locks its former run left behind when it stopped or crashed, instead of
 * making their users wait for the lease to lapse.
 */
final class ServerInstance {

    private static final int MOST_HOST_CHARS = 40;

    private ServerInstance() {
    }

    static String name(Path dataDirectory) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException noName) {
            host = "localhost";
        }
        host = host.length() > MOST_HOST_CHARS ? host.substring(0, MOST_HOST_CHARS) : host;
        return host + "/" + digest(dataDirectory.toAbsolutePath().normalize().toString());
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
