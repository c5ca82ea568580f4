// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import java.util.List;
import org.eemail.ejb.domain.Alias;

/** An alias as the API shows it. */
public record AliasView(String address, String domain, List<String> targets, Instant created) {

    static AliasView of(Alias alias) {
        return new AliasView(alias.getAddress(), alias.getDomain().getName(), alias.getTargets(),
                alias.getCreated());
    }
}
