// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import org.eemail.ra.protocol.Response;

/** Handles one POP3 command. Handlers hold no state; the session holds it. */
@FunctionalInterface
public interface Pop3CommandHandler {

    Response handle(Pop3Session session, String argument);
}
