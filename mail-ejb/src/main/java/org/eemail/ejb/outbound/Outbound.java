// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import org.eclipse.microprofile.config.Config;
import org.eemail.ejb.store.Reporting;

/** The configuration delivery works with, read once at start, and the resolver built from it. */
public record Outbound(OutboundSettings settings, QueueSettings queue, Reporting reporting, DnsRouter router) {

    /**
     * Reads {@code mail.*} from {@code config}; {@code mail.postmaster} defaults to
     * {@code postmaster@} the host name, delay notices come after 4 hours to those who asked.
     */
    public static Outbound from(Config config) {
        OutboundSettings settings = OutboundSettings.from(config);
        QueueSettings queue = QueueSettings.from(config);
        String postmaster = config.getOptionalValue("mail.postmaster", String.class)
                .orElse("postmaster@" + settings.hostname());
        Reporting reporting = new Reporting(settings.hostname(), postmaster, queue.returnedLimit(),
                QueueSettings.duration(config, "mail.queue.delay-notice", "PT4H"),
                config.getOptionalValue("mail.queue.delay-notice-by-default", Boolean.class).orElse(false));
        return new Outbound(settings, queue, reporting,
                new DnsRouter(settings.dnsServers(), settings.dnsTimeout()));
    }
}
