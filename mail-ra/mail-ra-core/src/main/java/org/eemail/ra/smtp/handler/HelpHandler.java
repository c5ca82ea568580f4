// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import java.util.Arrays;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.smtp.SmtpVerb;

/** HELP, RFC 5321 §4.1.1.8: 214 with the verbs this server knows; an argument is ignored. */
public final class HelpHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        return Response.of(SmtpReplies.help(Arrays.stream(SmtpVerb.values()).map(Enum::name).toList()));
    }
}
