// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import org.eemail.ejb.domain.AdminUser;

/** An administrator as the API shows it: never the password's hash. */
public record AdminView(String username, Instant created) {

    static AdminView of(AdminUser user) {
        return new AdminView(user.getUsername(), user.getCreated());
    }
}
