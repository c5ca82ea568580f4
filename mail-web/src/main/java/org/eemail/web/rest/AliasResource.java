// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ejb.domain.Alias;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.store.AliasStore;
import org.eemail.ejb.store.StoreException;

/** Aliases: local addresses that forward to accounts or to addresses elsewhere. */
@Path("aliases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "aliases")
public class AliasResource {

    @EJB
    private AliasStore aliases;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAlias", summary = "Create an alias",
            description = "Targets in a local domain must be existing accounts; others are forwarded to as they are.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new alias")
    @APIResponse(responseCode = "400", description = "Malformed address, unknown domain, empty targets or "
            + "a local target that is not an account")
    @APIResponse(responseCode = "409", description = "The address is taken by an account or an alias")
    public Response create(AliasRequest request) {
        RequestValidation.body(request);
        MailAddress address = RequestValidation.address(request.address());
        List<MailAddress> targets = RequestValidation.targets(request.targets());
        Alias alias = aliases.create(address, targets);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(alias.getAddress()).build())
                .entity(AliasView.of(alias))
                .build();
    }

    @GET
    @Operation(operationId = "listAliases", summary = "List the aliases, by address")
    @APIResponse(responseCode = "200", description = "The aliases")
    public List<AliasView> list() {
        return aliases.list().stream().map(AliasView::of).toList();
    }

    @GET
    @Path("{address}")
    @Operation(operationId = "getAlias", summary = "Show one alias")
    @APIResponse(responseCode = "200", description = "The alias")
    @APIResponse(responseCode = "404", description = "No such alias")
    public AliasView get(@PathParam("address") String address) {
        MailAddress parsed = RequestValidation.address(address);
        return aliases.find(parsed)
                .map(AliasView::of)
                .orElseThrow(() -> StoreException.notFound("no such alias: " + parsed));
    }

    @DELETE
    @Path("{address}")
    @Operation(operationId = "deleteAlias", summary = "Delete an alias")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such alias")
    public void delete(@PathParam("address") String address) {
        aliases.delete(RequestValidation.address(address));
    }
}
