// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eemail.ejb.security.AdminCredentials;

/**
 * Lets through only requests that carry the administrator's credentials in HTTP Basic. Runs
 * before matching, so that without credentials the API reveals not even which paths exist.
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

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<BasicCredentials> presented =
                BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (presented.isEmpty()) {
            request.abortWith(unauthorized("credentials required"));
        } else if (!credentials.verify(presented.get().user(), presented.get().password())) {
            request.abortWith(unauthorized("wrong user name or password"));
        }
    }

    private static Response unauthorized(String reason) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorView(reason))
                .build();
    }
}
