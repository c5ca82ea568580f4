// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.store.AccountStore;
import org.eemail.ejb.store.MaildropStore;
import org.eemail.ejb.store.MessageStore;
import org.eemail.ejb.store.StoreException;

/** The messages in an account's mailbox: the list, and each message as it is stored. */
@Path("accounts/{address}/messages")
@RequestScoped
@Tag(name = "mailboxes")
public class MailboxResource {

    @EJB
    private AccountStore accounts;

    @EJB
    private MessageStore messages;

    @EJB
    private MaildropStore maildrops;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMailbox", summary = "List the messages of an account's mailbox, oldest first")
    @APIResponse(responseCode = "200", description = "The messages")
    @APIResponse(responseCode = "404", description = "No such account")
    public List<MailboxMessageView> list(@PathParam("address") String address) {
        MailAddress account = existing(address);
        return messages.mailbox(account).stream().map(MailboxMessageView::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces("message/rfc822")
    @Operation(operationId = "getMailboxMessage", summary = "Download one message as stored (.eml)")
    @APIResponse(responseCode = "200", description = "The message, trace headers included")
    @APIResponse(responseCode = "404", description = "No such account or message")
    public StreamingOutput get(@PathParam("address") String address, @PathParam("id") long id) {
        MailAddress account = existing(address);
        MailboxMessage message = messages.mailboxMessage(account, id)
                .orElseThrow(() -> StoreException.notFound("no message " + id + " in the mailbox of " + account));
        long stored = message.getStoredMessageId();
        return out -> messages.copyContent(stored, out);
    }

    @GET
    @Path("{id}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMailboxMessageSummary", summary = "A message's header fields and text, decoded",
            description = "Headers decoded from RFC 2047; the text is the first text/plain part decoded from its"
                    + " transfer encoding and charset, or the HTML part reduced to plain text when there is no"
                    + " text/plain; at most 100,000 characters (textTruncated tells). Untrusted text: escape it.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "404", description = "No such account or message")
    public MessageSummaryView summary(@PathParam("address") String address, @PathParam("id") long id) {
        MailAddress account = existing(address);
        MailboxMessage message = messages.mailboxMessage(account, id)
                .orElseThrow(() -> StoreException.notFound("no message " + id + " in the mailbox of " + account));
        return MessageSummaryView.of(messages.summary(message.getStoredMessageId()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteMailboxMessage", summary = "Delete one message from the mailbox",
            description = "The stored message goes too when nothing else refers to it, as after POP3 DELE and QUIT.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account or message")
    @APIResponse(responseCode = "409", description = "A POP3 session has the maildrop open")
    public void delete(@PathParam("address") String address, @PathParam("id") long id) {
        maildrops.delete(RequestValidation.address(address), id);
    }

    private MailAddress existing(String address) {
        MailAddress account = RequestValidation.address(address);
        accounts.find(account).orElseThrow(() -> StoreException.notFound("no such account: " + account));
        return account;
    }
}
