// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.util.List;
import java.util.stream.Stream;
import org.eemail.ejb.outbound.TestSmtpPeer;

/**
 * The recipients at one domain that a remote server on loopback accepted messages for, once per
 * delivery (a recipient delivered twice is listed twice), and which of them came from the server
 * that introduced itself with a given EHLO line.
 */
final class Arrivals {

    private final TestSmtpPeer peer;
    private final String domain;

    Arrivals(TestSmtpPeer peer, String domain) {
        this.peer = peer;
        this.domain = domain;
    }

    List<String> all() {
        return recipients(peer.received().stream());
    }

    /** Those delivered by the sessions that began with {@code hello}, e.g. {@code EHLO mx1.cluster.test}. */
    List<String> by(String hello) {
        return recipients(peer.received().stream().filter(r -> hello.equals(r.hello())));
    }

    private List<String> recipients(Stream<TestSmtpPeer.Received> received) {
        return received.flatMap(r -> r.rcptTo().stream())
                .map(line -> line.substring(line.indexOf('<') + 1, line.indexOf('>')))
                .filter(address -> address.endsWith("@" + domain)).toList();
    }
}
