// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The decision of the application about one message (or, later, one recipient): accept it, refuse
 * it for good, ask the client to try again later, or end the connection. This follows the hook
 * results of Apache James: the decision is a value, not an exception.
 *
 * <p>A verdict may carry the SMTP reply the client sees (RFC 5321 §4.2 code, RFC 3463 enhanced
 * status code and text). Without one the server answers its standard reply for the kind:
 * {@code 250 2.0.0} for {@link Kind#ACCEPT}, {@code 554 5.0.0} for {@link Kind#REJECT},
 * {@code 451 4.3.0} for {@link Kind#DEFER} and {@code 421 4.3.0} for {@link Kind#DISCONNECT}.
 * The code must belong to the kind: 2xx to accept, 5xx to reject, 4xx to defer, 4xx or 5xx to
 * disconnect. Immutable and thread-safe.
 *
 * @param kind     what the server does with the message
 * @param reply    the reply the client sees, if the application chose one
 */
public record Verdict(Kind kind, Optional<Reply> reply) {

    /** What the server does. */
    public enum Kind {
        /** The message is stored durably; the client is told it was accepted (2xx). */
        ACCEPT,
        /** The message is refused for good (5xx); the client will bounce it. */
        REJECT,
        /** The message is refused for now (4xx); the client will try again later. */
        DEFER,
        /** The message is refused and the connection closed after the reply (421 or 5xx). */
        DISCONNECT
    }

    /**
     * An SMTP reply chosen by the application.
     *
     * @param code     the three-digit reply code, such as 550
     * @param enhanced the RFC 3463 enhanced status code with the same first digit, such as {@code 5.7.1}
     * @param text     one line of text without CR or LF
     */
    public record Reply(int code, String enhanced, String text) {

        public Reply {
            Objects.requireNonNull(enhanced, "enhanced");
            Objects.requireNonNull(text, "text");
            if (code < 200 || code > 599) {
                throw new IllegalArgumentException("reply code " + code);
            }
            if (!enhanced.matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}") || enhanced.charAt(0) - '0' != code / 100) {
                throw new IllegalArgumentException("enhanced status code " + enhanced + " for reply code " + code);
            }
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("reply text with a line break");
            }
        }
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reply, "reply");
        reply.ifPresent(r -> checkClass(kind, r.code() / 100));
    }

    private static void checkClass(Kind kind, int codeClass) {
        boolean fits = switch (kind) {
            case ACCEPT -> codeClass == 2;
            case REJECT -> codeClass == 5;
            case DEFER -> codeClass == 4;
            case DISCONNECT -> codeClass == 4 || codeClass == 5;
        };
        if (!fits) {
            throw new IllegalArgumentException(kind + " with a " + codeClass + "xx reply");
        }
    }

    /** Accepts with the server's standard reply. */
    public static Verdict accept() {
        return new Verdict(Kind.ACCEPT, Optional.empty());
    }

    /** Refuses for good with the server's standard reply ({@code 554 5.0.0}). */
    public static Verdict reject() {
        return new Verdict(Kind.REJECT, Optional.empty());
    }

    /** Refuses for good with the given 5xx reply, for example {@code reject(550, "5.7.1", "Spam")}. */
    public static Verdict reject(int code, String enhanced, String text) {
        return new Verdict(Kind.REJECT, Optional.of(new Reply(code, enhanced, text)));
    }

    /** Refuses for now with the server's standard reply ({@code 451 4.3.0}). */
    public static Verdict defer() {
        return new Verdict(Kind.DEFER, Optional.empty());
    }

    /** Refuses for now with the given 4xx reply, for example {@code defer(452, "4.2.2", "Mailbox full")}. */
    public static Verdict defer(int code, String enhanced, String text) {
        return new Verdict(Kind.DEFER, Optional.of(new Reply(code, enhanced, text)));
    }

    /** Refuses and closes the connection with the server's standard reply ({@code 421 4.3.0}). */
    public static Verdict disconnect() {
        return new Verdict(Kind.DISCONNECT, Optional.empty());
    }

    /** Refuses and closes the connection with the given 4xx or 5xx reply. */
    public static Verdict disconnect(int code, String enhanced, String text) {
        return new Verdict(Kind.DISCONNECT, Optional.of(new Reply(code, enhanced, text)));
    }
}
