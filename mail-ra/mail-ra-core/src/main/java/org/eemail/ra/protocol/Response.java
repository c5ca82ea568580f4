// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.util.Objects;

/**
 * What a session answers to one client line: the reply, and whether the connection closes after it.
 */
public record Response(Reply reply, boolean close) {

    public Response {
        Objects.requireNonNull(reply, "reply");
    }

    /** The reply, and the session goes on. */
    public static Response of(Reply reply) {
        return new Response(reply, false);
    }

    /** The reply, then the connection closes. */
    public static Response closing(Reply reply) {
        return new Response(reply, true);
    }
}
