// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrBlockTest {

    @Test
    void ipv4Networks() {
        CidrBlock ten = CidrBlock.parse("10.0.0.0/8");
        assertTrue(ten.contains("10.1.2.3"));
        assertTrue(ten.contains("10.255.255.255"));
        assertFalse(ten.contains("11.0.0.0"));
        CidrBlock odd = CidrBlock.parse("192.168.4.0/22");
        assertTrue(odd.contains("192.168.7.255"));
        assertFalse(odd.contains("192.168.8.0"));
        assertTrue(CidrBlock.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertTrue(CidrBlock.parse("127.0.0.1").contains("127.0.0.1"));
        assertFalse(CidrBlock.parse("127.0.0.1").contains("127.0.0.2"));
    }

    @Test
    void ipv6NetworksWithCompressionAndEmbeddedIpv4() {
        CidrBlock doc = CidrBlock.parse("2001:db8::/32");
        assertTrue(doc.contains("2001:db8::1"));
        assertTrue(doc.contains("2001:0DB8:ffff:0:0:0:0:1"));
        assertFalse(doc.contains("2001:db9::1"));
        assertTrue(CidrBlock.parse("::1/128").contains("0:0:0:0:0:0:0:1"));
        assertTrue(CidrBlock.parse("fe80::/10").contains("fe80::1%eth0"));
        assertTrue(CidrBlock.parse("::ffff:0:0/96").contains("::ffff:192.0.2.1"));
        assertFalse(doc.contains("10.0.0.1"), "an IPv4 address is not in an IPv6 network");
    }

    @Test
    void ipv4MappedAddressesMatchIpv4Networks() {
        assertTrue(CidrBlock.parse("192.0.2.0/24").contains("::ffff:192.0.2.1"));
        assertTrue(CidrBlock.parse("192.0.2.0/24").contains("0:0:0:0:0:ffff:c000:201"));
        assertFalse(CidrBlock.parse("192.0.2.0/24").contains("::ffff:198.51.100.1"));
    }

    @Test
    void refusesWhatIsNotANetworkAndNeverResolvesNames() {
        for (String bad : List.of("localhost", "10.0.0.0/33", "10.0.0/8", "256.0.0.1", "1:2:3:4:5:6:7:8:9",
                "1::2::3", "2001:db8::/129", "2001:db8::/x", "12345::", "")) {
            assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse(bad), bad);
        }
        assertFalse(CidrBlock.parse("127.0.0.0/8").contains("localhost"));
        assertEquals("10.0.0.0/8", CidrBlock.parse("10.0.0.0/8").toString());
    }

    @Test
    void settingsTrustTheirNetworks() {
        SmtpSettings settings = SmtpSettings.defaults("mx.test")
                .withTrustedNetworks(List.of(CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("2001:db8::/32")));
        assertTrue(settings.trusts("10.9.8.7"));
        assertTrue(settings.trusts("2001:db8::25"));
        assertFalse(settings.trusts("192.0.2.7"));
        assertFalse(SmtpSettings.defaults("mx.test").trusts("127.0.0.1"), "no network is trusted by default");
    }
}
