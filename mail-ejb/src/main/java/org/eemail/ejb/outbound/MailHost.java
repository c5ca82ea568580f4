// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.net.InetAddress;
import java.util.List;

/**
 * A server to try, by the name DNS gave (for Remote-MTA and logs) and its addresses, IPv4 first.
 * The client connects to the addresses, never to the name, so the JVM's own resolver is not asked.
 */
public record MailHost(String name, List<InetAddress> addresses) {

    public MailHost {
        addresses = List.copyOf(addresses);
    }
}
