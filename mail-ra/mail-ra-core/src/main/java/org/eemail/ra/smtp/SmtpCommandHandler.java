// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import org.eemail.ra.protocol.Response;

/** Handles one SMTP verb. Handlers hold no state; the session holds it. */
@FunctionalInterface
public interface SmtpCommandHandler {

    Response handle(SmtpSession session, String argument);

    /**
     * Answers the verb with {@code refusal} when the session does not allow it now. A verb that
     * is followed by octets (BDAT) overrides this to read and drop them first.
     */
    default Response refuse(SmtpSession session, String argument, SmtpReply refusal) {
        return Response.of(refusal);
    }
}
