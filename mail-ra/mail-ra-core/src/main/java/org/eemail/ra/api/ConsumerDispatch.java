// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One due delivery of a stored message to one application consumer, as {@link DispatchQueue}
 * hands it to the adapter.
 *
 * @param id            the dispatch's id
 * @param consumer      the consumer's durable name
 * @param messageId     the stored message's id
 * @param attempts      the calls made before this one
 * @param sender        the envelope sender, empty for the null sender
 * @param recipients    the recipients the consumer matched
 * @param clientAddress the SMTP client's address
 * @param heloName      the SMTP client's EHLO or HELO name
 * @param identity      the authenticated identity, if any
 * @param tls           whether the message came over TLS
 * @param size          the stored message's size in octets
 */
public record ConsumerDispatch(long id, String consumer, long messageId, int attempts, String sender,
                               List<String> recipients, String clientAddress, String heloName,
                               Optional<String> identity, boolean tls, long size) {

    public ConsumerDispatch {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(identity, "identity");
        recipients = List.copyOf(recipients);
    }
}
