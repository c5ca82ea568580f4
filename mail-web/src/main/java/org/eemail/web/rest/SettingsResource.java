// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ra.api.MailServerStatus;
import org.eemail.web.setup.ConfiguredServer;
import org.eemail.web.setup.EffectiveSettings;
import org.eemail.web.setup.SettingsView;

/** The configuration the server runs with, and its TLS certificate. */
@Path("settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
public class SettingsResource {

    @GET
    @Operation(operationId = "getSettings", summary = "The mail.* properties given (secrets masked), the listeners and the certificate",
            description = "Properties left at their defaults are not listed; README's Configuration table has the defaults.")
    @APIResponse(responseCode = "200", description = "The settings")
    public SettingsView get() {
        Config config = ConfigProvider.getConfig(SettingsResource.class.getClassLoader());
        return new SettingsView(ConfiguredServer.settings().hostname(),
                EffectiveSettings.of(config.getPropertyNames(),
                        name -> config.getOptionalValue(name, String.class).orElse(null)),
                MailServerStatus.listeners(),
                MailServerStatus.certificate().orElse(null));
    }
}
