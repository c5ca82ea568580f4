// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import org.eemail.ejb.domain.Domain;

/** A domain as the API shows it. */
public record DomainView(String name, Instant created) {

    static DomainView of(Domain domain) {
        return new DomainView(domain.getName(), domain.getCreated());
    }
}
