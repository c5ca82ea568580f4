// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import java.util.List;
import org.eemail.api.MailEnvelope;
import org.eemail.api.ReceivedMessage;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Recipient;
import org.eemail.ra.protocol.MessageSink;

/** The server's view of a message turned into the applications' view (the public API). */
public final class ApplicationMail {

    private ApplicationMail() {
    }

    /** The envelope with all its recipients. */
    public static MailEnvelope envelope(Envelope envelope) {
        return envelope(envelope, envelope.recipients().stream().map(Recipient::address).toList());
    }

    /** The envelope with only {@code recipients}. */
    public static MailEnvelope envelope(Envelope envelope, List<String> recipients) {
        return new MailEnvelope(envelope.sender(), recipients, envelope.clientAddress(), envelope.heloName(),
                envelope.identity(), envelope.tls());
    }

    /** The text in {@code sink}, valid as long as the sink is. */
    public static ReceivedMessage message(String id, MessageSink sink) {
        return new ReceivedMessage(id, sink.size(), sink::open);
    }
}
