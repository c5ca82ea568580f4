// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Turns every exception that leaves a resource, or JAX-RS itself, into a JSON
 * {@code {"error": ...}} answer with the status {@link ApiError} chooses. Traces stay in the
 * server log; clients see "internal error" and nothing of the server's insides.
 */
@Provider
@ApplicationScoped
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        ApiError error = ApiError.of(thrown);
        if (error.unexpected()) {
            LOG.log(Level.ERROR, "Unexpected failure of an API call", thrown);
        }
        // JAX-RS's own answers carry headers worth keeping, such as Allow on a 405.
        Response.ResponseBuilder response = thrown instanceof WebApplicationException e && !error.unexpected()
                ? Response.fromResponse(e.getResponse()).status(error.status())
                : Response.status(error.status());
        return response.entity(new ErrorView(error.reason())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
