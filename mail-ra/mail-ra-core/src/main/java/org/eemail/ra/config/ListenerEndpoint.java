// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

import java.net.InetSocketAddress;

/** A listener that is switched on, with the address and port it binds. */
public record ListenerEndpoint(Listener listener, InetSocketAddress address) {
}
