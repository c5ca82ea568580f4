// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.SettingSource;
import org.eemail.ra.smtp.CidrBlock;
import org.eemail.ra.smtp.SmtpSettings;

/**
 * The SMTP limits and relay policy from configuration, checked at start like the listener ports:
 * {@code mail.smtp.max-message-size} (octets), {@code mail.smtp.max-recipients} and
 * {@code mail.relay.trusted-networks} (comma-separated CIDR blocks).
 */
final class SmtpConfiguration {

    static final String MAX_MESSAGE_SIZE = "mail.smtp.max-message-size";
    static final String MAX_RECIPIENTS = "mail.smtp.max-recipients";
    static final String TRUSTED_NETWORKS = "mail.relay.trusted-networks";

    private SmtpConfiguration() {
    }

    static SmtpSettings load(SettingSource source, String hostname) {
        long size = positive(source, MAX_MESSAGE_SIZE, SmtpSettings.DEFAULT_MAX_MESSAGE_SIZE);
        long recipients = positive(source, MAX_RECIPIENTS, SmtpSettings.DEFAULT_MAX_RECIPIENTS);
        if (recipients > Integer.MAX_VALUE) {
            throw StartupFailure.of(MAX_RECIPIENTS, recipients, "too large");
        }
        return SmtpSettings.defaults(hostname)
                .withLimits(size, (int) recipients, SmtpSettings.DEFAULT_MAX_ERRORS)
                .withTrustedNetworks(networks(source.value(TRUSTED_NETWORKS)));
    }

    private static long positive(SettingSource source, String property, long fallback) {
        Optional<String> value = source.value(property);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.get().trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the value as given
        }
        throw StartupFailure.of(property, value.get(), "not a positive whole number");
    }

    private static List<CidrBlock> networks(Optional<String> value) {
        List<CidrBlock> blocks = new ArrayList<>();
        for (String block : value.orElse("").split(",")) {
            if (block.isBlank()) {
                continue;
            }
            try {
                blocks.add(CidrBlock.parse(block.trim()));
            } catch (IllegalArgumentException malformed) {
                throw StartupFailure.of(TRUSTED_NETWORKS, value.orElse(""),
                        "'" + block.trim() + "' is not a CIDR block such as 192.0.2.0/24");
            }
        }
        return blocks;
    }
}
