// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import org.eclipse.microprofile.config.Config;
import org.eemail.ejb.store.Reporting;

/** The configuration delivery works with, read once at start, and the resolver built from it. */
public record Outbound(OutboundSettings settings, QueueSettings queue, Reporting reporting, DnsRouter router) {

    /**
     * Reads {@code mail.*} from {@code config}; {@code mail.postmaster} defaults to
     * {@code postmaster@} the host name.
     */
    public static Outbound from(Config config) {
        OutboundSettings settings = OutboundSettings.from(config);
        QueueSettings queue = QueueSettings.from(config);
        String postmaster = config.getOptionalValue("mail.postmaster", String.class)
                .orElse("postmaster@" + settings.hostname());
        return new Outbound(settings, queue, new Reporting(settings.hostname(), postmaster, queue.returnedLimit()),
                new DnsRouter(settings.dnsServers(), settings.dnsTimeout()));
    }
}
