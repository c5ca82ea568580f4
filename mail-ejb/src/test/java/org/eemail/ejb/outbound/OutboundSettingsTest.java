// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundSettingsTest {

    @Test
    void dnsServersWithAndWithoutPorts() {
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("127.0.0.2", 53),
                        new InetSocketAddress("::1", 5300)),
                OutboundSettings.dnsServers("127.0.0.1:5353, 127.0.0.2,[::1]:5300"));
        assertEquals(List.of(), OutboundSettings.dnsServers(" "));
    }

    @Test
    void hostAndPort() {
        assertEquals(new OutboundSettings.HostPort("smtp.example.com", 587),
                OutboundSettings.HostPort.parse("[smtp.example.com]", 587, "p"));
        assertEquals(new OutboundSettings.HostPort("smtp.example.com", 2525),
                OutboundSettings.HostPort.parse("[smtp.example.com]:2525", 587, "p"));
        assertEquals(new OutboundSettings.HostPort("relay", 25), OutboundSettings.HostPort.parse("relay:25", 587, "p"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> OutboundSettings.HostPort.parse("relay:99999", 587, "mail.relay.host"));
        assertEquals("mail.relay.host=99999: not a port number (1-65535)", bad.getMessage());
    }
}
