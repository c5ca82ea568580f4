// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eemail.ejb.security.AdminCredentials;
import org.eemail.web.console.ConsoleSecurity;
import org.eemail.web.console.CsrfToken;

/**
 * Lets through only requests of an administrator: with credentials in HTTP Basic (scripts), or
 * from a console session that Jakarta Security authenticated, whose changes must also carry the
 * session's CSRF token ({@link CsrfToken}). Basic, when given, decides alone, as it always did.
 * Runs before matching, so that without credentials the API reveals not even which paths exist.
 * {@code /health} and {@code /openapi} are served by the server outside this application and
 * stay open.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"mail\", charset=\"UTF-8\"";

    @EJB
    private AdminCredentials credentials;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null && servletRequest.isUserInRole(ConsoleSecurity.ROLE)) {
            if (!CsrfToken.safe(request.getMethod()) && !CsrfToken.presentIn(servletRequest)) {
                request.abortWith(error(Response.Status.FORBIDDEN, "CSRF token missing or wrong"));
            }
            return;
        }
        Optional<BasicCredentials> presented = BasicCredentials.parse(authorization);
        if (presented.isEmpty()) {
            request.abortWith(unauthorized(request, "credentials required"));
        } else if (!credentials.verify(presented.get().user(), presented.get().password())) {
            request.abortWith(unauthorized(request, "wrong user name or password"));
        }
    }

    /**
     * A 401 with the Basic challenge, except to the console's pages (they send the CSRF header),
     * whose session has ended: a challenge would make the browser pop up its own login dialog
     * instead of letting the page lead back to the login page.
     */
    private static Response unauthorized(ContainerRequestContext request, String reason) {
        if (request.getHeaderString(CsrfToken.HEADER) != null) {
            return error(Response.Status.UNAUTHORIZED, "session ended: log in again");
        }
        return Response.fromResponse(error(Response.Status.UNAUTHORIZED, reason))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    private static Response error(Response.Status status, String reason) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorView(reason))
                .build();
    }
}
