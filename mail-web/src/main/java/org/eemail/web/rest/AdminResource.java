// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eemail.ejb.domain.AdminUser;
import org.eemail.ejb.security.AdminCredentials;

/** The administrators of the API and the console; each logs in with a name and password. */
@Path("admins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admins")
public class AdminResource {

    @EJB
    private AdminCredentials credentials;

    @Context
    private UriInfo uriInfo;

    @GET
    @Operation(operationId = "listAdmins", summary = "The administrators, by name")
    @APIResponse(responseCode = "200", description = "The administrators")
    public List<AdminView> list() {
        return credentials.list().stream().map(AdminView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAdmin", summary = "Add an administrator",
            description = "username: 1 to 64 letters, digits, '.', '_', '@' or '-'; password: at least "
                    + AdminCredentials.MIN_PASSWORD + " characters.")
    @APIResponse(responseCode = "201", description = "Added; Location names the new administrator")
    @APIResponse(responseCode = "400", description = "A malformed name or a short password")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response create(AdminRequest request) {
        RequestValidation.body(request);
        AdminUser user = credentials.create(request.username(), request.password());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.getUsername()).build())
                .entity(AdminView.of(user))
                .build();
    }

    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAdminPassword", summary = "Set an administrator's password")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "A short password")
    @APIResponse(responseCode = "404", description = "No such administrator")
    @APIResponse(responseCode = "409", description = "admin's password is set by mail.admin.password")
    public void changePassword(@PathParam("username") String username, PasswordRequest request) {
        credentials.changePassword(username, RequestValidation.body(request).password());
    }

    @DELETE
    @Path("{username}")
    @Operation(operationId = "deleteAdmin", summary = "Remove an administrator")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such administrator")
    @APIResponse(responseCode = "409", description = "The last administrator")
    public void delete(@PathParam("username") String username) {
        credentials.delete(username);
    }
}
