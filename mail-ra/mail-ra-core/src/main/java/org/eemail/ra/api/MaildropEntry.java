// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

/**
 * One message of a maildrop as a POP3 session sees it.
 *
 * @param uid  the message's unique id in its mailbox (RFC 1939 §7 UIDL): never given to another
 *             message of any mailbox, stable across restarts
 * @param size the exact number of octets {@link Maildrop#copy} writes (RFC 1939 §5 LIST)
 */
public record MaildropEntry(long uid, long size) {
}
