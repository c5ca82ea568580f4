// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ejb.domain.Dispatch;
import org.eemail.ejb.store.DispatchStore;
import org.eemail.ejb.store.StoreException;

/**
 * The deliveries of accepted messages to application consumers: the parked ones an administrator
 * looks at, and the retry that makes one due again.
 */
@Path("dispatches")
@RequestScoped
@Tag(name = "dispatches")
public class DispatchResource {

    private static final int MAX_LISTED = 1000;

    @EJB
    private DispatchStore dispatches;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDispatches", summary = "List dispatches to consumers in one state, oldest first (at most 1000)")
    @APIResponse(responseCode = "200", description = "The dispatches")
    @APIResponse(responseCode = "400", description = "Not a state: PENDING, DONE or PARKED")
    public List<DispatchView> list(@QueryParam("state") @DefaultValue("PARKED") String state) {
        return dispatches.list(state(state), MAX_LISTED).stream().map(DispatchView::of).toList();
    }

    @POST
    @Path("{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "retryDispatch", summary = "Make a parked dispatch due now, with a fresh count of attempts")
    @APIResponse(responseCode = "200", description = "The dispatch, pending again")
    @APIResponse(responseCode = "404", description = "No such dispatch")
    @APIResponse(responseCode = "409", description = "The dispatch is not parked")
    public DispatchView retry(@PathParam("id") long id) {
        return dispatches.retry(id).map(DispatchView::of)
                .orElseThrow(() -> StoreException.notFound("no such dispatch: " + id));
    }

    private static Dispatch.State state(String state) {
        try {
            return Dispatch.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state must be PENDING, DONE or PARKED, not " + state);
        }
    }
}
