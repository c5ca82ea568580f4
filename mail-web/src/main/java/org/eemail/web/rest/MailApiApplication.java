// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The administration API, versioned in its path so that a v2 can live beside it. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "EE Mail Server administration API", version = "1",
                description = "Domains, accounts and aliases. HTTP Basic as user admin; errors are "
                        + "{\"error\": \"<reason>\"}."),
        security = @SecurityRequirement(name = MailApiApplication.BASIC))
@SecurityScheme(securitySchemeName = MailApiApplication.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic")
public class MailApiApplication extends Application {

    static final String BASIC = "basic";
}
