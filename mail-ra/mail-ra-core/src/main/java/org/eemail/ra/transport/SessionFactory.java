// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import org.eemail.ra.config.Listener;
import org.eemail.ra.protocol.LineSession;

/** Makes the protocol session for a new connection on a listener. */
@FunctionalInterface
public interface SessionFactory {

    LineSession open(Listener listener);
}
