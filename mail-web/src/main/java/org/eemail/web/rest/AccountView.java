// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import org.eemail.ejb.domain.Account;

/**
 * An account as the API shows it: everything but the password hash.
 *
 * @param quota the mailbox limit in octets, 0 for none
 * @param used  the octets in the mailbox now
 */
public record AccountView(String address, String domain, long quota, boolean enabled, Instant created, long used) {

    static AccountView of(Account account, long used) {
        return new AccountView(account.getAddress(), account.getDomain().getName(), account.getQuota(),
                account.isEnabled(), account.getCreated(), used);
    }
}
