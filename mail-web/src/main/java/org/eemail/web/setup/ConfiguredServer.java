// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eemail.ra.config.ServerSettings;

/**
 * The listeners and host name as the resource adapter reads them, from the same MicroProfile
 * Config, so that what clients are told matches what runs. Read at every call: the adapter
 * checked the values when it started, and reading them is cheap.
 */
public final class ConfiguredServer {

    private ConfiguredServer() {
    }

    public static ServerSettings settings() {
        return ServerSettings.load(name -> ConfigProvider.getConfig(ConfiguredServer.class.getClassLoader())
                .getOptionalValue(name, String.class)
                .filter(value -> !value.isBlank()));
    }
}
