// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.MessageDelivery;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.smtp.SmtpState;

/**
 * DATA, RFC 5321 §4.1.1.4: 354, then the transport reads the text up to the line "." (undoing
 * dot-stuffing, §4.5.2) and the message is checked and delivered by {@link MessageDelivery}.
 * Allowed once a recipient was accepted; no parameters.
 */
public final class DataHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(SmtpReplies.NO_PARAMETERS_ALLOWED);
        }
        session.beginText(SmtpState.DATA);
        return session.readData(SmtpReplies.START_MAIL_INPUT, MessageDelivery::finish);
    }
}
