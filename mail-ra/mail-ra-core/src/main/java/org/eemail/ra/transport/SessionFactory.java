// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import java.net.InetSocketAddress;
import org.eemail.ra.config.Listener;
import org.eemail.ra.protocol.LineSession;

/** Makes the protocol session for a new connection on a listener. */
@FunctionalInterface
public interface SessionFactory {

    /**
     * @param listener the listener the client connected to
     * @param client   the client's address and port
     */
    LineSession open(Listener listener, InetSocketAddress client);
}
