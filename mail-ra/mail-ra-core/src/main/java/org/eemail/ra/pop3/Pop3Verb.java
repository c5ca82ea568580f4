// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.Optional;
import org.eemail.ra.pop3.handler.QuitHandler;

/** The POP3 commands this server knows, each with its handler. */
public enum Pop3Verb {
    QUIT(new QuitHandler());

    private final Pop3CommandHandler handler;

    Pop3Verb(Pop3CommandHandler handler) {
        this.handler = handler;
    }

    public Pop3CommandHandler handler() {
        return handler;
    }

    /** The command named {@code keyword} (already upper-cased), if the server knows it. */
    public static Optional<Pop3Verb> lookup(String keyword) {
        for (Pop3Verb verb : values()) {
            if (verb.name().equals(keyword)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }
}
