// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;
import java.util.Optional;
import org.eemail.ejb.domain.RecipientStatus;

/**
 * Which queue entries an administrator means (Postfix admins do this with {@code qshape} and
 * {@code postqueue -p | grep}); every part is optional, and the parts combine with AND.
 *
 * @param state         the entry's state
 * @param domain        the recipient's domain, lower case
 * @param sender        the envelope sender as stored, {@code ""} for the null sender
 * @param createdBefore only entries queued before this instant (older than some age)
 */
public record QueueFilter(Optional<RecipientStatus> state, Optional<String> domain, Optional<String> sender,
                          Optional<Instant> createdBefore) {

    public static final QueueFilter ALL = new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
}
