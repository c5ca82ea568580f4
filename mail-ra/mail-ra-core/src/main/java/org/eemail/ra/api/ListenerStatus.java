// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

/**
 * One network listener of the resource adapter as the administration side sees it.
 *
 * @param name     the listener's name: {@code smtp}, {@code submission}, {@code smtps}, {@code pop3} or {@code pop3s}
 * @param protocol {@code SMTP} or {@code POP3}
 * @param address  the address it is bound to
 * @param port     the port it is bound to
 * @param tls      how TLS is offered: {@code none}, {@code starttls} or {@code implicit}
 * @param open     whether it accepts connections now
 * @param sessions the number of sessions open on it now
 */
public record ListenerStatus(String name, String protocol, String address, int port, String tls,
                             boolean open, int sessions) {
}
