// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import java.util.List;
import java.util.Map;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.TlsCertificate;

/**
 * What the server runs with.
 *
 * @param hostname    {@code mail.hostname}, or the machine's name it defaults to
 * @param properties  the {@code mail.*} properties given, secrets masked
 * @param listeners   the listeners the adapter runs
 * @param certificate the certificate they present; {@code null} while no adapter runs
 */
public record SettingsView(String hostname, Map<String, String> properties, List<ListenerStatus> listeners,
                           TlsCertificate certificate) {
}
