// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.Optional;
import org.eemail.ra.smtp.handler.NoopHandler;
import org.eemail.ra.smtp.handler.QuitHandler;

/** The SMTP verbs this server knows, each with its handler. */
public enum SmtpVerb {
    NOOP(new NoopHandler()),
    QUIT(new QuitHandler());

    private final SmtpCommandHandler handler;

    SmtpVerb(SmtpCommandHandler handler) {
        this.handler = handler;
    }

    public SmtpCommandHandler handler() {
        return handler;
    }

    /** The verb named {@code keyword} (already upper-cased), if the server knows it. */
    public static Optional<SmtpVerb> lookup(String keyword) {
        for (SmtpVerb verb : values()) {
            if (verb.name().equals(keyword)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }
}
