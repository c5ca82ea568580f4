// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.store.AccountStore;
import org.eemail.ejb.store.StoreException;
import org.eemail.web.setup.ClientSetup;
import org.eemail.web.setup.ConfiguredServer;

/** Local mail accounts. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountResource {

    @EJB
    private AccountStore accounts;

    @Inject
    @ConfigProperty(name = "mail.account.default-quota", defaultValue = "0")
    long defaultQuota;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Create an account",
            description = "quota in bytes, 0 for unlimited; absent means mail.account.default-quota.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new account")
    @APIResponse(responseCode = "400", description = "Malformed address, unknown domain or empty password")
    @APIResponse(responseCode = "409", description = "The address is taken by an account or an alias")
    public Response create(AccountRequest request) {
        RequestValidation.body(request);
        MailAddress address = RequestValidation.address(request.address());
        String password = RequestValidation.password(request.password());
        long quota = RequestValidation.quota(request.quota(), defaultQuota);
        Account account = accounts.create(address, password, quota);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(account.getAddress()).build())
                .entity(AccountView.of(account, 0))
                .build();
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "List the accounts, by address")
    @APIResponse(responseCode = "200", description = "The accounts")
    @APIResponse(responseCode = "400", description = "Malformed domain")
    @APIResponse(responseCode = "404", description = "No such domain")
    public List<AccountView> list(@Parameter(description = "only the accounts of this domain")
                                  @QueryParam("domain") String domain) {
        Optional<String> filter = Optional.ofNullable(domain).map(RequestValidation::domain);
        List<Account> found = accounts.list(filter);
        Map<Long, Long> usage = accounts.usage();
        return found.stream().map(a -> AccountView.of(a, usage.getOrDefault(a.getId(), 0L))).toList();
    }

    @GET
    @Path("{address}")
    @Operation(operationId = "getAccount", summary = "Show one account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "No such account")
    public AccountView get(@PathParam("address") String address) {
        MailAddress parsed = RequestValidation.address(address);
        return accounts.find(parsed)
                .map(a -> AccountView.of(a, accounts.usage(parsed)))
                .orElseThrow(() -> StoreException.notFound("no such account: " + parsed));
    }

    @GET
    @Path("{address}/client-settings")
    @Operation(operationId = "getClientSettings", summary = "What the account's user types into a mail client",
            description = "Incoming (POP3) and outgoing (SMTP submission) servers, implicit TLS first.")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "404", description = "No such account")
    public ClientSetup clientSettings(@PathParam("address") String address) {
        AccountView account = get(address);
        return ClientSetup.of(ConfiguredServer.settings(), account.address());
    }

    @DELETE
    @Path("{address}")
    @Operation(operationId = "deleteAccount", summary = "Delete an account")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "An alias still forwards to the account")
    public void delete(@PathParam("address") String address) {
        accounts.delete(RequestValidation.address(address));
    }

    @PUT
    @Path("{address}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAccountPassword", summary = "Set an account's password")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Empty password")
    @APIResponse(responseCode = "404", description = "No such account")
    public void changePassword(@PathParam("address") String address, PasswordRequest request) {
        MailAddress parsed = RequestValidation.address(address);
        accounts.changePassword(parsed, RequestValidation.password(RequestValidation.body(request).password()));
    }

    @PUT
    @Path("{address}/apop-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAccountApopSecret",
            summary = "Set the secret for POP3 APOP (legacy; needs mail.pop3.apop=true), kept encrypted")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Empty secret, or longer than 128 octets in UTF-8")
    @APIResponse(responseCode = "404", description = "No such account")
    public void changeApopSecret(@PathParam("address") String address, ApopSecretRequest request) {
        MailAddress parsed = RequestValidation.address(address);
        accounts.changeApopSecret(parsed, RequestValidation.apopSecret(RequestValidation.body(request).secret()));
    }

    @DELETE
    @Path("{address}/apop-secret")
    @Operation(operationId = "removeAccountApopSecret", summary = "Remove the APOP secret: the account can no longer use APOP")
    @APIResponse(responseCode = "204", description = "Removed, or there was none")
    @APIResponse(responseCode = "404", description = "No such account")
    public void removeApopSecret(@PathParam("address") String address) {
        accounts.changeApopSecret(RequestValidation.address(address), null);
    }

    @PUT
    @Path("{address}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAccountEnabled", summary = "Enable or disable an account",
            description = "A disabled account keeps its mail but cannot log in (SMTP AUTH, POP3, APOP), and mail"
                    + " to it is refused at RCPT with 550 as for an unknown user; an alias skips it.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "enabled missing")
    @APIResponse(responseCode = "404", description = "No such account")
    @RequestBody(content = @Content(schema = @Schema(implementation = EnabledRequest.class)))
    public void changeEnabled(@PathParam("address") String address, JsonObject request) {
        MailAddress parsed = RequestValidation.address(address);
        // Read as JSON, not bound: binding would take "enabled":"maybe" for false.
        JsonValue enabled = RequestValidation.body(request).get("enabled");
        if (enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
            throw new InvalidRequestException("enabled is required: true or false");
        }
        accounts.changeEnabled(parsed, enabled == JsonValue.TRUE);
    }

    @PUT
    @Path("{address}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAccountQuota", summary = "Set an account's quota in bytes (0 for unlimited)")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Missing or negative quota")
    @APIResponse(responseCode = "404", description = "No such account")
    public void changeQuota(@PathParam("address") String address, QuotaRequest request) {
        MailAddress parsed = RequestValidation.address(address);
        Long quota = RequestValidation.body(request).quota();
        if (quota == null) {
            throw new InvalidRequestException("quota is required: 0 (unlimited) or a number of bytes");
        }
        accounts.changeQuota(parsed, RequestValidation.quota(quota, 0));
    }
}
