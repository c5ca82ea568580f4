// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

/** A command that cannot go ahead, with the {@code -ERR} that says why. */
public final class Pop3Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Pop3Reply reply;

    public Pop3Refusal(Pop3Reply reply) {
        super(reply.text(), null, false, false);
        this.reply = reply;
    }

    public Pop3Reply reply() {
        return reply;
    }
}
