// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.inbound;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eemail.ra.api.Envelope;

/**
 * How a message came in, as its trail's received step tells it: the client's EHLO name and
 * address, TLS or not, the authenticated identity, and the protocol and session message id of
 * this server's {@code Received:} field (whose protocol, ESMTPSA and the like, tells the
 * submission listeners' authenticated mail from the MTA's).
 */
final class ReceivedOrigin {

    /** RFC 5321 §4.4: {@code by host with PROTOCOL id ID}. */
    private static final Pattern WITH_ID = Pattern.compile("\\swith\\s+(\\S+)\\s+id\\s+([^\\s;]+)");

    private ReceivedOrigin() {
    }

    static String describe(Envelope envelope, String traceHeader) {
        StringBuilder origin = new StringBuilder("from ").append(envelope.heloName())
                .append(" [").append(envelope.clientAddress()).append("], ")
                .append(envelope.tls() ? "TLS" : "no TLS").append(", ")
                .append(envelope.identity().map(id -> "authenticated as " + id).orElse("not authenticated"));
        Matcher with = WITH_ID.matcher(traceHeader);
        if (with.find()) {
            origin.append(", with ").append(with.group(1)).append(" id ").append(with.group(2));
        }
        return origin.toString();
    }
}
