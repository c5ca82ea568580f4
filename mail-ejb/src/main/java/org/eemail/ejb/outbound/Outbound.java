// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import org.eclipse.microprofile.config.Config;
import org.eemail.ejb.store.Reporting;

/**
 * The configuration delivery works with, read once at start, and what is built from it: the
 * resolver, and the SMTP session with the connections kept open between deliveries.
 */
public record Outbound(OutboundSettings settings, QueueSettings queue, Reporting reporting, DnsRouter router,
                       SmtpConnections connections) {

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
                new DnsRouter(settings.dnsServers(), settings.dnsTimeout()),
                new SmtpConnections(SmtpClient.properties(settings)));
    }
}
