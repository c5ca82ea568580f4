// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsRecordsTest {

    private static List<String> lines(List<DnsRecord> records) {
        return records.stream().map(r -> r.name() + " " + r.type() + " " + r.value()).toList();
    }

    @Test
    void mxSrvForEachClientListenerImapNotOfferedAndAutoconfig() {
        List<DnsRecord> records = DnsRecords.of("acme.test", ClientSetupTest.settings(Map.of(
                "mail.hostname", "mx.acme.test", "mail.smtps.public-port", "465", "mail.submission.public-port", "587",
                "mail.pop3s.public-port", "995", "mail.pop3.public-port", "110")));
        assertEquals(List.of(
                "acme.test. MX 10 mx.acme.test.",
                "_submissions._tcp.acme.test. SRV 0 1 465 mx.acme.test.",
                "_submission._tcp.acme.test. SRV 10 1 587 mx.acme.test.",
                "_pop3s._tcp.acme.test. SRV 0 1 995 mx.acme.test.",
                "_pop3._tcp.acme.test. SRV 10 1 110 mx.acme.test.",
                "_imaps._tcp.acme.test. SRV 0 0 0 .",
                "_imap._tcp.acme.test. SRV 0 0 0 .",
                "autoconfig.acme.test. CNAME mx.acme.test."), lines(records));
    }

    @Test
    void aListenerSwitchedOffGetsNoSrvRecord() {
        List<String> names = DnsRecords.of("acme.test", ClientSetupTest.settings(Map.of("mail.hostname", "mx.test",
                "mail.pop3.port", "0", "mail.smtps.port", "0"))).stream().map(DnsRecord::name).toList();
        assertEquals(List.of("acme.test.", "_submission._tcp.acme.test.", "_pop3s._tcp.acme.test.",
                "_imaps._tcp.acme.test.", "_imap._tcp.acme.test.", "autoconfig.acme.test."), names);
    }
}
