// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import org.eemail.ejb.domain.Account;

/** An account as the API shows it: everything but the password hash. */
public record AccountView(String address, String domain, long quota, boolean enabled, Instant created) {

    static AccountView of(Account account) {
        return new AccountView(account.getAddress(), account.getDomain().getName(), account.getQuota(),
                account.isEnabled(), account.getCreated());
    }
}
