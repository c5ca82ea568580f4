// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * MX routing (RFC 5321 §5.1) through dnsjava: MX hosts by preference, shuffled among equal
 * preferences; the domain's own A/AAAA when it has no MX; a null MX (RFC 7505) or a domain that
 * does not exist fails for good; SERVFAIL and timeouts fail for now. CNAMEs are followed, also
 * where an MX points at one. No cache: each lookup asks the servers, which cache themselves.
 */
public final class DnsRouter {

    private final Resolver resolver;

    /** @param servers the servers to ask; empty for the system's (resolv.conf) */
    public DnsRouter(List<InetSocketAddress> servers, Duration timeout) {
        ExtendedResolver extended;
        if (servers.isEmpty()) {
            extended = new ExtendedResolver();
        } else {
            List<Resolver> simple = new ArrayList<>();
            for (InetSocketAddress server : servers) {
                simple.add(new SimpleResolver(server));
            }
            extended = new ExtendedResolver(simple);
        }
        extended.setTimeout(timeout);
        this.resolver = extended;
    }

    public Route route(String domain) {
        Name name;
        try {
            name = Name.fromString(domain.endsWith(".") ? domain : domain + ".");
        } catch (TextParseException e) {
            return Route.permanent("550 5.1.2 Bad destination domain " + domain);
        }
        Lookup mx = lookup(name, Type.MX);
        Record[] records = mx.run();
        switch (mx.getResult()) {
            case Lookup.SUCCESSFUL:
                return viaMx(domain, records);
            case Lookup.TYPE_NOT_FOUND:
                return implicitMx(domain, name);
            case Lookup.HOST_NOT_FOUND:
                return Route.permanent("550 5.1.2 Domain " + domain + " does not exist (NXDOMAIN)");
            default:
                return Route.temporary("451 4.4.3 DNS lookup of MX for " + domain + " failed: " + mx.getErrorString());
        }
    }

    private Route viaMx(String domain, Record[] records) {
        Map<Integer, List<Name>> byPreference = new TreeMap<>();
        for (Record record : records) {
            MXRecord mxRecord = (MXRecord) record;
            if (mxRecord.getTarget().equals(Name.root)) {
                return Route.permanent("556 5.1.10 Domain " + domain + " accepts no mail (null MX)");
            }
            byPreference.computeIfAbsent(mxRecord.getPriority(), p -> new ArrayList<>()).add(mxRecord.getTarget());
        }
        List<MailHost> hosts = new ArrayList<>();
        boolean temporaryFailure = false;
        for (List<Name> equals : byPreference.values()) {
            Collections.shuffle(equals);
            for (Name target : equals) {
                Addresses found = addresses(target);
                temporaryFailure |= found.temporaryFailure();
                if (!found.addresses().isEmpty()) {
                    hosts.add(new MailHost(hostName(target), found.addresses()));
                }
            }
        }
        if (hosts.isEmpty()) {
            return Route.temporary("451 4.4.3 No address found for any MX host of " + domain
                    + (temporaryFailure ? " (DNS failure)" : ""));
        }
        return new Route.Hosts(hosts);
    }

    /** RFC 5321 §5.1: without MX records, the domain itself is the host. */
    private Route implicitMx(String domain, Name name) {
        Addresses found = addresses(name);
        if (!found.addresses().isEmpty()) {
            return new Route.Hosts(List.of(new MailHost(hostName(name), found.addresses())));
        }
        if (found.temporaryFailure()) {
            return Route.temporary("451 4.4.3 DNS lookup of the address of " + domain + " failed");
        }
        return Route.permanent("550 5.1.2 Domain " + domain + " has no MX and no address");
    }

    private record Addresses(List<InetAddress> addresses, boolean temporaryFailure) {
    }

    private Addresses addresses(Name host) {
        List<InetAddress> found = new ArrayList<>();
        boolean temporaryFailure = false;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Lookup lookup = lookup(host, type);
            Record[] records = lookup.run();
            if (lookup.getResult() == Lookup.SUCCESSFUL) {
                for (Record record : records) {
                    found.add(record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress());
                }
            } else if (lookup.getResult() == Lookup.TRY_AGAIN || lookup.getResult() == Lookup.UNRECOVERABLE) {
                temporaryFailure = true;
            }
        }
        found.sort(Comparator.comparingInt(address -> address.getAddress().length));
        return new Addresses(found, temporaryFailure);
    }

    private Lookup lookup(Name name, int type) {
        Lookup lookup = new Lookup(name, type);
        lookup.setResolver(resolver);
        lookup.setCache(null);
        return lookup;
    }

    private static String hostName(Name name) {
        String text = name.toString();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
