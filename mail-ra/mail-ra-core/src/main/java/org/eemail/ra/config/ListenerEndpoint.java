// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

import java.net.InetSocketAddress;

/**
 * A listener that is switched on, with the address and port it binds.
 *
 * @param publicPort the port clients are told to use (autoconfiguration, DNS SRV records): the
 *                   bound port unless a firewall or container maps another one to it
 */
public record ListenerEndpoint(Listener listener, InetSocketAddress address, int publicPort) {

    /** A listener that clients reach on the port it binds. */
    public ListenerEndpoint(Listener listener, InetSocketAddress address) {
        this(listener, address, address.getPort());
    }
}
