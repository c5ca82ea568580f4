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
import org.eemail.ejb.domain.Domain;
import org.eemail.ejb.store.DomainStore;
import org.eemail.ejb.store.StoreException;
import org.eemail.web.setup.ConfiguredServer;
import org.eemail.web.setup.DnsRecord;
import org.eemail.web.setup.DnsRecords;

/** The domains this server receives mail for. */
@Path("domains")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "domains")
public class DomainResource {

    @EJB
    private DomainStore domains;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDomain", summary = "Add a domain",
            description = "Unicode names are stored in A-label (xn--) form.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new domain")
    @APIResponse(responseCode = "400", description = "Missing or malformed name")
    @APIResponse(responseCode = "409", description = "The domain exists already")
    public Response create(DomainRequest request) {
        String name = RequestValidation.domain(RequestValidation.body(request).name());
        Domain domain = domains.create(name);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(domain.getName()).build())
                .entity(DomainView.of(domain))
                .build();
    }

    @GET
    @Operation(operationId = "listDomains", summary = "List the domains, by name")
    @APIResponse(responseCode = "200", description = "The domains")
    public List<DomainView> list() {
        return domains.list().stream().map(DomainView::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getDomain", summary = "Show one domain")
    @APIResponse(responseCode = "200", description = "The domain")
    @APIResponse(responseCode = "404", description = "No such domain")
    public DomainView get(@PathParam("name") String name) {
        String normalized = RequestValidation.domain(name);
        return domains.find(normalized)
                .map(DomainView::of)
                .orElseThrow(() -> StoreException.notFound("no such domain: " + normalized));
    }

    @GET
    @Path("{name}/dns-records")
    @Operation(operationId = "getDomainDnsRecords", summary = "The DNS records to publish for a domain",
            description = "MX, the RFC 6186 SRV records for the listeners that are switched on (implicit TLS "
                    + "preferred), IMAP marked as not offered, and the autoconfig name.")
    @APIResponse(responseCode = "200", description = "The records, in zone-file syntax")
    @APIResponse(responseCode = "404", description = "No such domain")
    public List<DnsRecord> dnsRecords(@PathParam("name") String name) {
        DomainView domain = get(name);
        return DnsRecords.of(domain.name(), ConfiguredServer.settings());
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteDomain",
            summary = "Remove a domain that has no accounts or aliases left")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such domain")
    @APIResponse(responseCode = "409", description = "The domain still has accounts or aliases")
    public void delete(@PathParam("name") String name) {
        domains.delete(RequestValidation.domain(name));
    }
}
