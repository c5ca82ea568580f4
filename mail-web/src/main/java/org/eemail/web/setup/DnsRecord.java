// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

/**
 * A DNS record an administrator should publish for a domain.
 *
 * @param name    the owner name, absolute (ends with a dot)
 * @param type    {@code MX}, {@code SRV} or {@code CNAME}
 * @param value   the record data in zone-file syntax
 * @param purpose why the record is there
 */
public record DnsRecord(String name, String type, String value, String purpose) {
}
