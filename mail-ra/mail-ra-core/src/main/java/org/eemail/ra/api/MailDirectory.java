// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.Optional;

/**
 * The accounts, aliases and quotas the SMTP server consults while a client waits: at RCPT (is the
 * address ours, does it exist, is the mailbox full), at AUTH and at MAIL (may this user send as
 * this address). Implemented by one message-driven bean of the mail application.
 *
 * <p>Called on a worker thread of the adapter, never the network thread; calls from one SMTP
 * session come one after another, calls from different sessions run concurrently. The methods
 * only read, so the bean should not need a transaction ({@code NOT_SUPPORTED}).
 */
public interface MailDirectory {

    /** Where {@code address} ({@code local-part@domain}, as the client gave it) belongs. */
    AddressInfo lookup(String address);

    /**
     * Checks a user name and password (RFC 4954).
     *
     * @return the canonical identity of the account, such as {@code alice@example.test}, or empty
     *         when the credentials are wrong or the account is disabled
     */
    Optional<String> authenticate(String username, String password);

    /**
     * Whether the authenticated {@code identity} may send as {@code sender}: its own address or an
     * alias that leads to it. {@code sender} is the empty string for the null sender.
     */
    boolean mayUseSender(String identity, String sender);
}
