// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import java.util.Optional;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.protocol.DiscardingMessageSink;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.api.AddressInfo;
import org.eemail.ra.smtp.ConnectionInfo;
import org.eemail.ra.smtp.SmtpBackend;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.smtp.SmtpSettings;

/** SMTP sessions for the transport tests, which check framing and sockets, not SMTP. */
final class SmtpSessions {

    private SmtpSessions() {
    }

    /** A session on mx.test whose backend knows nobody and defers every message. */
    static SmtpSession placeholder() {
        SmtpBackend nobody = new SmtpBackend() {
            @Override
            public AddressInfo lookup(String address) {
                return AddressInfo.FOREIGN;
            }

            @Override
            public Optional<String> authenticate(String username, String password) {
                return Optional.empty();
            }

            @Override
            public boolean mayUseSender(String identity, String sender) {
                return false;
            }

            @Override
            public Verdict deliver(Envelope envelope, String traceHeader, MessageSink message) {
                return Verdict.defer();
            }
        };
        return new SmtpSession(SmtpSettings.defaults("mx.test"), new ConnectionInfo("127.0.0.1", false), nobody,
                DiscardingMessageSink::new);
    }
}
