// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

/** The configuration delivery works with, read once at start, and the resolver built from it. */
public record Outbound(OutboundSettings settings, QueueSettings queue, DnsRouter router) {

    public static Outbound of(OutboundSettings settings, QueueSettings queue) {
        return new Outbound(settings, queue, new DnsRouter(settings.dnsServers(), settings.dnsTimeout()));
    }
}
