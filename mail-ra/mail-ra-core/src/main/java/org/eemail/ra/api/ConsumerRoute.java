// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.List;
import java.util.Objects;

/**
 * One application consumer that an accepted message goes to: the mail application records a
 * dispatch for it in the transaction that stores the message.
 *
 * @param consumer   the consumer's durable name ({@code consumerName})
 * @param priority   its place among the consumers of one message, lowest first
 * @param recipients the recipients of the message it matched, in envelope order
 * @param consumes   whether these recipients are the application's, so that they get no mailbox delivery
 */
public record ConsumerRoute(String consumer, int priority, List<String> recipients, boolean consumes) {

    public ConsumerRoute {
        Objects.requireNonNull(consumer, "consumer");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a consumer route has at least one recipient");
        }
    }
}
