// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

import java.util.Optional;

/** Where configuration values come from: MicroProfile Config in the server, a map in tests. */
@FunctionalInterface
public interface SettingSource {

    /** The value of the property, if it is set and not blank. */
    Optional<String> value(String name);
}
