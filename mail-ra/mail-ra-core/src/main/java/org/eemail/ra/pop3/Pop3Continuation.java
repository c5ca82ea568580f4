// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import org.eemail.ra.protocol.Response;

/**
 * The next client line is not a command but the answer to a {@code +} challenge (RFC 5034 §4), and
 * goes here instead of the verb registry.
 */
@FunctionalInterface
public interface Pop3Continuation {

    Response onLine(Pop3Session session, String line);
}
