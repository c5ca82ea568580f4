// SPDX-License-Identifier: Apache-2.0
package org.eemail.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link MailPolicy} decided: accept, reject for good with a 5xx reply, or defer with a 4xx
 * reply. The client sees the reply exactly as given (code, RFC 3463 enhanced status code and
 * text). Immutable and thread-safe.
 *
 * @param kind  accept, reject or defer
 * @param reply the reply the client sees; empty only for {@link Kind#ACCEPT}, or for the
 *              server's standard {@code 451 4.3.0} of {@link #defer()}
 */
public record PolicyVerdict(Kind kind, Optional<Reply> reply) {

    /** What the server does with the recipient or message. */
    public enum Kind {
        /** Go on: the next policy decides, and if none refuses, the server accepts. */
        ACCEPT,
        /** Refuse for good (5xx): the client will not try again and bounces the message. */
        REJECT,
        /** Refuse for now (4xx): the client will try again later. */
        DEFER
    }

    /**
     * An SMTP reply (RFC 5321 §4.2, RFC 3463).
     *
     * @param code     the three-digit reply code, such as 550
     * @param enhanced the enhanced status code with the same first digit, such as {@code 5.7.1}
     * @param text     one line of printable text, without CR or LF
     */
    public record Reply(int code, String enhanced, String text) {

        public Reply {
            Objects.requireNonNull(enhanced, "enhanced");
            Objects.requireNonNull(text, "text");
            if (code < 400 || code > 599) {
                throw new IllegalArgumentException("a policy reply code is 4xx or 5xx, not " + code);
            }
            if (!enhanced.matches("[45]\\.[0-9]{1,3}\\.[0-9]{1,3}") || enhanced.charAt(0) - '0' != code / 100) {
                throw new IllegalArgumentException("enhanced status code " + enhanced + " for reply code " + code);
            }
            if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("reply text must be printable ASCII on one line: " + text);
            }
        }
    }

    private static final PolicyVerdict ACCEPTED = new PolicyVerdict(Kind.ACCEPT, Optional.empty());

    public PolicyVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reply, "reply");
        if (kind == Kind.ACCEPT && reply.isPresent()) {
            throw new IllegalArgumentException("an accepting verdict carries no reply");
        }
        if (kind == Kind.REJECT && reply.map(r -> r.code() / 100 != 5).orElse(true)) {
            throw new IllegalArgumentException("a rejection carries a 5xx reply");
        }
        if (kind == Kind.DEFER && reply.map(r -> r.code() / 100 != 4).orElse(false)) {
            throw new IllegalArgumentException("a deferral carries a 4xx reply");
        }
    }

    /** No objection. */
    public static PolicyVerdict accept() {
        return ACCEPTED;
    }

    /** Refuses for good, for example {@code reject(550, "5.7.1", "Sender blocked")}. */
    public static PolicyVerdict reject(int code, String enhanced, String text) {
        return new PolicyVerdict(Kind.REJECT, Optional.of(new Reply(code, enhanced, text)));
    }

    /** Refuses for now, for example {@code defer(451, "4.7.1", "Try again later")}. */
    public static PolicyVerdict defer(int code, String enhanced, String text) {
        return new PolicyVerdict(Kind.DEFER, Optional.of(new Reply(code, enhanced, text)));
    }

    /** Refuses for now with the server's standard {@code 451 4.3.0} reply. */
    public static PolicyVerdict defer() {
        return new PolicyVerdict(Kind.DEFER, Optional.empty());
    }
}
