// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server on loopback, over UDP and TCP on one port, for tests: real
 * DNS packets for the real resolver, never a mocked one. Names without records answer NXDOMAIN,
 * names with records of other types NODATA; names marked failing answer SERVFAIL; CNAMEs are
 * followed in the answer as a recursive server does.
 */
public final class TestDnsServer implements AutoCloseable {

    private static final long TTL = 60;

    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final DatagramSocket udp;
    private final ServerSocket tcp;

    /** Listens on {@code 127.0.0.1:port}, 0 for any free port (the same for UDP and TCP). */
    public TestDnsServer(int port) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        tcp = new ServerSocket(port, 50, loopback);
        udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
        daemon("dns-udp", this::serveUdp);
        daemon("dns-tcp", this::serveTcp);
    }

    public int port() {
        return tcp.getLocalPort();
    }

    /** {@code host:port} as {@code mail.dns.servers} takes it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public TestDnsServer mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host)));
    }

    /** RFC 7505: one MX of preference 0 pointing at the root. */
    public TestDnsServer nullMx(String domain) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, 0, Name.root));
    }

    public TestDnsServer a(String host, String address) throws IOException {
        InetAddress parsed = InetAddress.getByName(address);
        return add(parsed.getAddress().length == 4 ? new ARecord(name(host), DClass.IN, TTL, parsed)
                : new AAAARecord(name(host), DClass.IN, TTL, parsed));
    }

    public TestDnsServer cname(String alias, String target) {
        return add(new CNAMERecord(name(alias), DClass.IN, TTL, name(target)));
    }

    /** Every question about {@code host} gets SERVFAIL. */
    public TestDnsServer servfail(String host) {
        failing.add(name(host));
        return this;
    }

    private TestDnsServer add(Record record) {
        records.computeIfAbsent(record.getName(), n -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    byte[] answer(byte[] query) throws IOException {
        Message request = new Message(query);
        Record question = request.getQuestion();
        Message response = new Message(request.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.getHeader().setFlag(Flags.RA);
        if (request.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        if (failing.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response.toWire();
        }
        for (int hops = 0; hops < 8; hops++) {
            List<Record> known = records.get(name);
            if (known == null) {
                response.getHeader().setRcode(hops == 0 ? Rcode.NXDOMAIN : Rcode.NOERROR);
                break;
            }
            List<Record> matching = new ArrayList<>();
            Record cname = null;
            for (Record record : known) {
                if (record.getType() == question.getType()) {
                    matching.add(record);
                } else if (record.getType() == Type.CNAME) {
                    cname = record;
                }
            }
            matching.forEach(record -> response.addRecord(record, Section.ANSWER));
            if (!matching.isEmpty() || cname == null) {
                break;
            }
            response.addRecord(cname, Section.ANSWER);
            name = ((CNAMERecord) cname).getTarget();
        }
        return response.toWire();
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] reply = answer(query);
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a packet that is no DNS query: go on with the next
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket client = tcp.accept()) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] reply = answer(query);
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
