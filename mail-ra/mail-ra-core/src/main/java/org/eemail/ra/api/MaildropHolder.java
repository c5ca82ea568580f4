// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.Objects;

/**
 * Who holds a maildrop's lock: one POP3 session of one server instance. Instances that share a
 * database tell their locks apart by {@code instance}.
 *
 * @param instance the server instance, named the same at every start of the adapter
 * @param session  the POP3 session within that instance
 */
public record MaildropHolder(String instance, String session) {

    public MaildropHolder {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(session, "session");
    }
}
