// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.util.Locale;
import java.util.Optional;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.SettingSource;
import org.eemail.ra.pop3.PlaintextAuth;
import org.eemail.ra.pop3.Pop3Settings;

/**
 * The POP3 settings from configuration, checked at start: {@code mail.pop3.allow-plaintext-auth}
 * ({@code true}, {@code false}, or unset for loopback clients only) and {@code mail.pop3.apop}
 * ({@code true} to offer the legacy APOP command; off by default).
 */
final class Pop3Configuration {

    static final String ALLOW_PLAINTEXT_AUTH = "mail.pop3.allow-plaintext-auth";
    static final String APOP = "mail.pop3.apop";

    private Pop3Configuration() {
    }

    static Pop3Settings load(SettingSource source, String hostname) {
        Optional<Boolean> plaintext = flag(source, ALLOW_PLAINTEXT_AUTH);
        PlaintextAuth policy = plaintext.map(allowed -> allowed ? PlaintextAuth.ALWAYS : PlaintextAuth.NEVER)
                .orElse(PlaintextAuth.LOOPBACK);
        return new Pop3Settings(hostname, policy, flag(source, APOP).orElse(false));
    }

    private static Optional<Boolean> flag(SettingSource source, String property) {
        Optional<String> value = source.value(property);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw StartupFailure.of(property, value.get(), "not true or false");
        };
    }
}
