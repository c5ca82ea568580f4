// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import org.eemail.ra.protocol.Response;

/**
 * The next client line is not a command but the answer to a 334 challenge (RFC 4954 §4), and goes
 * here instead of the verb registry.
 */
@FunctionalInterface
public interface SmtpContinuation {

    Response onLine(SmtpSession session, String line);
}
