// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing decisions against a real DNS server on loopback, asked by dnsjava over UDP. */
class DnsRouterTest {

    private static TestDnsServer dns;
    private static DnsRouter router;

    @BeforeAll
    static void zone() throws Exception {
        dns = new TestDnsServer(0);
        dns.mx("ordered.test", 20, "backup.ordered.test").mx("ordered.test", 10, "primary.ordered.test")
                .a("primary.ordered.test", "127.0.0.2").a("backup.ordered.test", "127.0.0.3")
                .a("backup.ordered.test", "::1");
        dns.mx("equal.test", 10, "one.equal.test").mx("equal.test", 10, "two.equal.test")
                .a("one.equal.test", "127.0.0.4").a("two.equal.test", "127.0.0.5");
        dns.a("bare.test", "127.0.0.6");
        dns.nullMx("nomail.test").a("nomail.test", "127.0.0.7");
        dns.mx("aliased.test", 10, "alias.aliased.test").cname("alias.aliased.test", "real.aliased.test")
                .a("real.aliased.test", "127.0.0.8");
        dns.servfail("broken.test");
        dns.mx("lame.test", 10, "missing.lame.test");
        dns.mx("nodata.test", 10, "x.nodata.test").a("x.nodata.test", "127.0.0.9");
        dns.cname("www.nodata.test", "x.nodata.test");
        router = new DnsRouter(List.of(new InetSocketAddress("127.0.0.1", dns.port())), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() throws Exception {
        dns.close();
    }

    private static List<MailHost> hosts(String domain) {
        return assertInstanceOf(Route.Hosts.class, router.route(domain)).hosts();
    }

    @Test
    void mxHostsInPreferenceOrderIpv4First() throws Exception {
        List<MailHost> hosts = hosts("ordered.test");
        assertEquals(List.of("primary.ordered.test", "backup.ordered.test"), hosts.stream().map(MailHost::name).toList());
        assertEquals(List.of(InetAddress.getByName("127.0.0.3"), InetAddress.getByName("::1")), hosts.get(1).addresses());
    }

    @Test
    void equalPreferencesInRandomOrder() {
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 40 && firsts.size() < 2; i++) {
            firsts.add(hosts("equal.test").get(0).name());
        }
        assertEquals(Set.of("one.equal.test", "two.equal.test"), firsts);
    }

    @Test
    void withoutMxTheDomainItself() throws Exception {
        List<MailHost> hosts = hosts("bare.test");
        assertEquals(List.of(new MailHost("bare.test", List.of(InetAddress.getByName("127.0.0.6")))), hosts);
    }

    @Test
    void nullMxFailsForGood() {
        Route.Failure failure = assertInstanceOf(Route.Failure.class, router.route("nomail.test"));
        assertTrue(failure.permanent());
        assertTrue(failure.reply().startsWith("556 5.1.10"), failure.reply());
    }

    @Test
    void mxPointingAtACnameIsFollowed() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.8")), hosts("aliased.test").get(0).addresses());
    }

    @Test
    void servfailIsTemporary() {
        Route.Failure failure = assertInstanceOf(Route.Failure.class, router.route("broken.test"));
        assertTrue(!failure.permanent() && failure.reply().startsWith("451 4.4.3"), failure.toString());
    }

    @Test
    void nxdomainIsPermanent() {
        Route.Failure failure = assertInstanceOf(Route.Failure.class, router.route("nowhere.test"));
        assertTrue(failure.permanent() && failure.reply().startsWith("550 5.1.2"), failure.toString());
    }

    @Test
    void mxHostsWithoutAddressesAreTemporary() {
        Route.Failure failure = assertInstanceOf(Route.Failure.class, router.route("lame.test"));
        assertTrue(!failure.permanent(), failure.toString());
    }

    @Test
    void aDomainThatIsACnameIsFollowed() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.9")), hosts("www.nodata.test").get(0).addresses());
    }

    @Test
    void aTimeoutIsTemporary() {
        DnsRouter silent = new DnsRouter(List.of(new InetSocketAddress("127.0.0.1", 9)), Duration.ofMillis(300));
        Route.Failure failure = assertInstanceOf(Route.Failure.class, silent.route("ordered.test"));
        assertTrue(!failure.permanent(), failure.toString());
    }
}
