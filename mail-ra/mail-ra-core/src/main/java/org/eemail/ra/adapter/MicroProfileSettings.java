// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eemail.ra.config.SettingSource;

/**
 * Settings from MicroProfile Config, so that each property can also be given as a system property
 * or an environment variable ({@code mail.smtp.port} = {@code MAIL_SMTP_PORT}).
 */
final class MicroProfileSettings implements SettingSource {

    @Override
    public Optional<String> value(String name) {
        return ConfigProvider.getConfig(MicroProfileSettings.class.getClassLoader())
                .getOptionalValue(name, String.class)
                .filter(value -> !value.isBlank());
    }
}
