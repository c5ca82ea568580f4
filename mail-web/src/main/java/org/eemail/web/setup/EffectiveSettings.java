// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code mail.*} properties as configured, for the console: secrets are masked, so that the
 * page can be shown and screenshots shared.
 */
public final class EffectiveSettings {

    public static final String MASK = "********";
    private static final String PREFIX = "mail.";
    /** Names that hold secrets: passwords, keys, secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(password|secret|key)([.-].*)?$");
    /** A password given inside a JDBC URL ({@code ?password=…} or {@code ;password=…}). */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    private EffectiveSettings() {
    }

    /**
     * @param names  every property name the configuration knows
     * @param values the value of a name, {@code null} if unset
     * @return the {@code mail.*} ones that have a value, by name, secrets masked
     */
    public static Map<String, String> of(Iterable<String> names, Function<String, String> values) {
        Map<String, String> settings = new TreeMap<>();
        for (String name : names) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String value = values.apply(name);
            if (value != null) {
                settings.put(name, masked(name, value));
            }
        }
        return settings;
    }

    static String masked(String name, String value) {
        if (SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return MASK;
        }
        return PASSWORD_IN_URL.matcher(value).replaceAll("$1" + MASK);
    }
}
