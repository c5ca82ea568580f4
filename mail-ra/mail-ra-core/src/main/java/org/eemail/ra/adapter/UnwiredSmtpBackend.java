// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.util.Optional;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.smtp.AddressInfo;
import org.eemail.ra.smtp.SmtpBackend;

/**
 * A placeholder until the SMTP sessions are connected to the beans: no address is local, no
 * credentials are valid, and every message is deferred with 451, so nothing is accepted that
 * could not be stored.
 */
final class UnwiredSmtpBackend implements SmtpBackend {

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
}
