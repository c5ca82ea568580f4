// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.ConfigProvider;

/** How long a console session lasts without a request: {@code mail.console.session-timeout}. */
final class ConsoleSessions {

    static final String TIMEOUT_PROPERTY = "mail.console.session-timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final Logger LOG = System.getLogger(ConsoleSessions.class.getName());

    private ConsoleSessions() {
    }

    static int timeoutSeconds() {
        String value = ConfigProvider.getConfig(ConsoleSessions.class.getClassLoader())
                .getOptionalValue(TIMEOUT_PROPERTY, String.class).orElse("").trim();
        return (int) Math.min(Integer.MAX_VALUE, parse(value).toSeconds());
    }

    /** {@code value} as an ISO-8601 duration of at least a minute; the default when empty or not one. */
    static Duration parse(String value) {
        if (value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration timeout = Duration.parse(value);
            if (timeout.compareTo(Duration.ofMinutes(1)) >= 0) {
                return timeout;
            }
        } catch (DateTimeParseException malformed) {
            // reported below
        }
        LOG.log(Level.WARNING, "{0}={1}: not a duration of at least PT1M; sessions last {2}",
                TIMEOUT_PROPERTY, value, DEFAULT_TIMEOUT);
        return DEFAULT_TIMEOUT;
    }
}
