// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A stored message as {@code SMTPTransport} sends it: the octets exactly as stored, streamed,
 * never parsed or re-encoded (a MimeMessage read from the stream would be rewritten on output).
 * The SMTPMessage part carries only the envelope: sender, RET, and extra MAIL parameters.
 */
final class RawMessage extends SMTPMessage {

    private final InputStream content;

    RawMessage(Session session, InputStream content) {
        super(session);
        this.content = content;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        content.transferTo(out);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        content.transferTo(out);
    }
}
