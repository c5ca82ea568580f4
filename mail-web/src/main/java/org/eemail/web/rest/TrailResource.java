// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ejb.store.MessageTrail;
import org.eemail.ejb.store.StoreException;
import org.eemail.ejb.store.TrailStore;

/**
 * The message trail: what became of a message, step by step, from its reception to its last
 * delivery attempt or the administrator's last action. Kept for {@code mail.trail.retention}.
 */
@Path("trail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "trail")
public class TrailResource {

    @EJB
    private TrailStore trail;

    @GET
    @Operation(operationId = "searchTrail", summary = "The trails of the messages that match, newest first, at most 50",
            description = "Give exactly one of messageId, sender and recipient. Addresses match as given or in"
                    + " lower case; an empty sender is the null sender of bounces.")
    @APIResponse(responseCode = "200", description = "The trails")
    @APIResponse(responseCode = "400", description = "Not exactly one of messageId, sender and recipient")
    public List<TrailView> search(
            @Parameter(description = "the Message-ID header, with or without <>") @QueryParam("messageId") String messageId,
            @Parameter(description = "the envelope sender") @QueryParam("sender") String sender,
            @Parameter(description = "a recipient: a local mailbox or a queued address") @QueryParam("recipient") String recipient) {
        long given = Stream.of(messageId, sender, recipient).filter(Objects::nonNull).count();
        if (given != 1) {
            throw new InvalidRequestException("give exactly one of messageId, sender and recipient");
        }
        List<MessageTrail> found;
        if (messageId != null) {
            found = trail.byMessageId(required(messageId.trim(), "messageId"));
        } else if (sender != null) {
            found = trail.bySender(sender.trim());
        } else {
            found = trail.byRecipient(required(recipient.trim(), "recipient"));
        }
        return found.stream().map(TrailView::of).toList();
    }

    @GET
    @Path("{storedMessageId}")
    @Operation(operationId = "getTrail", summary = "The trail of one stored message")
    @APIResponse(responseCode = "200", description = "The trail")
    @APIResponse(responseCode = "404", description = "No trail of that message is kept")
    public TrailView get(@PathParam("storedMessageId") long storedMessageId) {
        return trail.get(storedMessageId).map(TrailView::of)
                .orElseThrow(() -> StoreException.notFound("no trail of message " + storedMessageId));
    }

    private static String required(String value, String name) {
        if (value.isEmpty()) {
            throw new InvalidRequestException(name + " must not be empty");
        }
        return value;
    }
}
