// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eemail.ra.config.Listener;
import org.eemail.ra.config.ListenerEndpoint;
import org.eemail.ra.config.ServerSettings;

/**
 * The records that make a domain's mail reach this server and let clients find it: the MX
 * (RFC 5321 §5), the SRV records of RFC 6186 with the implicit-TLS services preferred (RFC 8314
 * §5.1), "service not offered" SRV records for IMAP, which this server does not speak, so that
 * clients do not guess, and the {@code autoconfig} name Thunderbird asks for its settings.
 */
public final class DnsRecords {

    /** Priority of the implicit-TLS services; the STARTTLS ones come after (RFC 8314 §5.1). */
    private static final int PREFERRED = 0;
    private static final int FALLBACK = 10;

    private DnsRecords() {
    }

    /** The records for {@code domain} (an A-label name) on the server that {@code settings} describe. */
    public static List<DnsRecord> of(String domain, ServerSettings settings) {
        String zone = domain + ".";
        String host = settings.hostname() + ".";
        List<DnsRecord> records = new ArrayList<>();
        records.add(new DnsRecord(zone, "MX", "10 " + host, "mail for " + domain + " is delivered to this server"));
        srv(records, "_submissions._tcp." + zone, PREFERRED, settings.endpoint(Listener.SMTPS), host,
                "mail submission over implicit TLS (RFC 8314)");
        srv(records, "_submission._tcp." + zone, FALLBACK, settings.endpoint(Listener.SUBMISSION), host,
                "mail submission with STARTTLS (RFC 6186)");
        srv(records, "_pop3s._tcp." + zone, PREFERRED, settings.endpoint(Listener.POP3S), host,
                "POP3 over implicit TLS (RFC 6186)");
        srv(records, "_pop3._tcp." + zone, FALLBACK, settings.endpoint(Listener.POP3), host,
                "POP3 with STLS (RFC 6186)");
        records.add(new DnsRecord("_imaps._tcp." + zone, "SRV", "0 0 0 .", "IMAP is not offered (RFC 6186 §4)"));
        records.add(new DnsRecord("_imap._tcp." + zone, "SRV", "0 0 0 .", "IMAP is not offered (RFC 6186 §4)"));
        records.add(new DnsRecord("autoconfig." + zone, "CNAME", host,
                "Thunderbird fetches its settings from http://autoconfig." + domain + "/mail/config-v1.1.xml"));
        return List.copyOf(records);
    }

    private static void srv(List<DnsRecord> records, String name, int priority, Optional<ListenerEndpoint> endpoint,
                            String host, String purpose) {
        endpoint.ifPresent(e -> records.add(new DnsRecord(name, "SRV", priority + " 1 " + e.publicPort() + " " + host, purpose)));
    }
}
