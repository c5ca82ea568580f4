// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import org.eemail.ra.protocol.Reply;

/** A SASL server challenge, RFC 5034 §4: {@code +} and a space, then the challenge in base64. */
public record Pop3Challenge(String base64) implements Reply {

    @Override
    public String wireText() {
        return "+ " + base64 + "\r\n";
    }
}
