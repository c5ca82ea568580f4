// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

/**
 * Who bounces come from and where the failures of bounces go.
 *
 * @param reportingMta  this server's name ({@code mail.hostname})
 * @param postmaster    {@code mail.postmaster}: told once when a message with the null sender fails,
 *                      if that address is a mailbox here (so the notice cannot fail in turn)
 * @param returnedLimit the largest original a bounce returns whole
 */
public record Reporting(String reportingMta, String postmaster, long returnedLimit) {
}
