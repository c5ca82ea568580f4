// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

/** A server reply as a value: the protocol decides its text, the transport only writes it. */
public interface Reply {

    /** The reply as sent on the wire, every line ended by CRLF. */
    String wireText();
}
