// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import org.eemail.ra.protocol.Response;

/** Handles one SMTP verb. Handlers hold no state; the session holds it. */
@FunctionalInterface
public interface SmtpCommandHandler {

    Response handle(SmtpSession session, String argument);
}
