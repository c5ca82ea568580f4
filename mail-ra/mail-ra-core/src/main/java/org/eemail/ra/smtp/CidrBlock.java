// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR notation (RFC 4632, RFC 4291 §2.3), such as {@code 10.0.0.0/8}
 * or {@code 2001:db8::/32}. Parsed in pure Java: no name is ever looked up. An IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.1}) is in the IPv4 networks that hold its IPv4 address.
 */
public final class CidrBlock {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private CidrBlock(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix}, or a single address (a /32 or /128).
     *
     * @throws IllegalArgumentException when the text is not such a block
     */
    public static CidrBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] octets = parseAddress(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP network: " + text));
        int bits = octets.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("not an IP network: " + text);
            }
            prefix = Integer.parseInt(length);
        }
        return new CidrBlock(octets, prefix, text);
    }

    /** Whether {@code address}, an IP literal, is in this network; false for anything else. */
    public boolean contains(String address) {
        Optional<byte[]> parsed = parseAddress(address);
        if (parsed.isEmpty()) {
            return false;
        }
        byte[] octets = parsed.get();
        if (octets.length == 16 && network.length == 4 && isIpv4Mapped(octets)) {
            octets = Arrays.copyOfRange(octets, 12, 16);
        }
        if (octets.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((octets[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] octets) {
        for (int i = 0; i < 10; i++) {
            if (octets[i] != 0) {
                return false;
            }
        }
        return octets[10] == (byte) 0xff && octets[11] == (byte) 0xff;
    }

    /** The octets of an IPv4 or IPv6 literal (a zone such as {@code %eth0} is ignored). */
    static Optional<byte[]> parseAddress(String literal) {
        int zone = literal.indexOf('%');
        String address = zone < 0 ? literal : literal.substring(0, zone);
        return address.indexOf(':') >= 0 ? parseIpv6(address) : parseIpv4(address);
    }

    private static Optional<byte[]> parseIpv4(String address) {
        if (!address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            return Optional.empty();
        }
        String[] parts = address.split("\\.");
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            octets[i] = (byte) value;
        }
        return Optional.of(octets);
    }

    private static Optional<byte[]> parseIpv6(String address) {
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = groups(gap < 0 ? address : address.substring(0, gap));
        List<Integer> tail = gap < 0 ? List.of() : groups(address.substring(gap + 2));
        if (head == null || tail == null) {
            return Optional.empty();
        }
        int missing = 8 - head.size() - tail.size();
        if (gap < 0 ? missing != 0 : missing < 1) {
            return Optional.empty();
        }
        byte[] octets = new byte[16];
        List<Integer> all = new ArrayList<>(head);
        all.addAll(Collections.nCopies(missing, 0));
        all.addAll(tail);
        for (int i = 0; i < 8; i++) {
            octets[2 * i] = (byte) (all.get(i) >>> 8);
            octets[2 * i + 1] = (byte) (int) all.get(i);
        }
        return Optional.of(octets);
    }

    /** The 16-bit groups of one side of {@code ::}; a dotted IPv4 address may end it. */
    private static List<Integer> groups(String side) {
        List<Integer> groups = new ArrayList<>();
        if (side.isEmpty()) {
            return groups;
        }
        String[] parts = side.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                Optional<byte[]> v4 = parseIpv4(part);
                if (v4.isEmpty()) {
                    return null;
                }
                byte[] b = v4.get();
                groups.add((b[0] & 0xff) << 8 | b[1] & 0xff);
                groups.add((b[2] & 0xff) << 8 | b[3] & 0xff);
            } else if (part.matches("[0-9a-fA-F]{1,4}")) {
                groups.add(Integer.parseInt(part, 16));
            } else {
                return null;
            }
        }
        return groups;
    }

    @Override
    public String toString() {
        return text;
    }
}
