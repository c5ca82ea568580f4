// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.util.List;

/** Where mail for a domain goes, or why it cannot go anywhere now or ever. */
public sealed interface Route {

    /** The servers to try in order: MX hosts by preference, or the domain's own address. */
    record Hosts(List<MailHost> hosts) implements Route {

        public Hosts {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * No route.
     *
     * @param reply what a bounce or the queue shows, as an SMTP reply with an enhanced code
     */
    record Failure(boolean permanent, String reply) implements Route {
    }

    static Route temporary(String reply) {
        return new Failure(false, reply);
    }

    static Route permanent(String reply) {
        return new Failure(true, reply);
    }
}
