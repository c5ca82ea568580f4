// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The console's Jakarta Security configuration: form login through our own page and
 * {@link LoginServlet} (the "custom form" mechanism, so that the page stays plain HTML and the
 * servlet can renew the session and issue the CSRF token), the caller remembered in the HTTP
 * session. The mechanism only asks for a login on the paths web.xml protects ({@code /console/*});
 * the API, autoconfiguration and the server's own {@code /health}, {@code /metrics} and
 * {@code /openapi} are not constrained, and the API keeps checking HTTP Basic itself.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = ConsoleSecurity.LOGIN_PAGE, errorPage = "",
                useForwardToLogin = false))
@DeclareRoles(ConsoleSecurity.ROLE)
@ApplicationScoped
public class ConsoleSecurity {

    /** The role of every administrator; the identity store gives it, glassfish-web.xml maps it. */
    public static final String ROLE = "admin";
    static final String LOGIN_PAGE = "/login.html";
    static final String CONSOLE_HOME = "/console/";
}
