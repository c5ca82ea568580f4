// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.bounce;

import java.time.Instant;

/**
 * One recipient a delivery status notification reports on (RFC 3464 §2.3).
 *
 * @param recipient         the address delivery was attempted to (Final-Recipient)
 * @param originalRecipient ORCPT as the sender gave it ({@code type;xtext}), or {@code null}
 * @param status            the RFC 3463 status code, such as {@code 5.1.1}
 * @param remoteMta         the server that gave the reply, or {@code null} when none was reached
 * @param diagnostic        the reply, or why no server replied
 * @param lastAttempt       when delivery was last attempted
 */
public record RecipientReport(String recipient, String originalRecipient, String status, String remoteMta,
                              String diagnostic, Instant lastAttempt) {
}
