// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.outbound.QueueRunner;
import org.eemail.ejb.store.QueueAction;
import org.eemail.ejb.store.QueueAdministration;
import org.eemail.ejb.store.QueueFilter;
import org.eemail.ejb.store.TrailStore;

/**
 * The delivery queue: what Postfix admins do with {@code postqueue} and {@code postsuper}. Every
 * action exists for one entry and, as {@code POST /queue/actions/{action}}, for every entry a
 * filter selects.
 */
@Path("queue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
public class QueueResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MOST = 1000;

    @EJB
    private QueueAdministration queue;

    @EJB
    private QueueRunner runner;

    @EJB
    private TrailStore trail;

    @GET
    @Operation(operationId = "listQueue", summary = "Queue entries, oldest first, one per recipient")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "400", description = "A malformed filter or limit")
    public List<QueueItemView> list(
            @Parameter(description = "queued, in_delivery, deferred, delivered, bounced or held") @QueryParam("state") String state,
            @Parameter(description = "the recipient's domain") @QueryParam("domain") String domain,
            @Parameter(description = "the envelope sender; empty for the null sender") @QueryParam("sender") String sender,
            @Parameter(description = "only entries queued longer ago than this ISO-8601 duration, e.g. PT1H") @QueryParam("older-than") String olderThan,
            @Parameter(description = "at most this many, 1 to 1000; 100 if not given") @QueryParam("limit") Integer limit) {
        int most = limit == null ? DEFAULT_LIMIT : limit;
        if (most < 1 || most > MOST) {
            throw new InvalidRequestException("limit must be 1 to " + MOST + ": " + limit);
        }
        return queue.find(filter(state, domain, sender, olderThan), most).stream().map(QueueItemView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQueueEntry", summary = "One queue entry with its attempts and last reply")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No such entry")
    public QueueItemView get(@PathParam("id") long id) {
        return QueueItemView.of(queue.get(id));
    }

    @GET
    @Path("{id}/attempts")
    @Operation(operationId = "listQueueEntryAttempts", summary = "The delivery attempts of one entry, oldest first",
            description = "From the message trail: each with the server that answered (null when none did),"
                    + " its reply and the outcome (delivered, deferred or bounced).")
    @APIResponse(responseCode = "200", description = "The attempts")
    @APIResponse(responseCode = "404", description = "No such entry")
    public List<AttemptView> attempts(@PathParam("id") long id) {
        return trail.attempts(id).stream().map(AttemptView::of).toList();
    }

    @POST
    @Path("{id}/{action: retry|hold|release|bounce}")
    @Operation(operationId = "actOnQueueEntry", summary = "Retry now, hold, release or bounce one entry",
            description = "bounce fails the recipient with 5.0.0 and reports it to the sender as any bounce.")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "409", description = "The entry's state does not allow the action (e.g. it is being delivered)")
    public void act(@PathParam("id") long id, @PathParam("action") String action) {
        QueueAction parsed = action(action);
        queue.apply(parsed, id, runner.reporting());
        runAfter(parsed);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteQueueEntry", summary = "Remove one entry without telling the sender")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "409", description = "The entry is being delivered")
    public void delete(@PathParam("id") long id) {
        queue.apply(QueueAction.DELETE, id, runner.reporting());
    }

    @POST
    @Path("actions/{action: retry|hold|release|bounce|delete}")
    @Operation(operationId = "actOnQueue", summary = "An action on every entry the filter selects",
            description = "Entries whose state does not allow the action are left as they are.")
    @APIResponse(responseCode = "200", description = "{\"entries\": how many were changed}")
    @APIResponse(responseCode = "400", description = "A malformed filter")
    public Map<String, Integer> actOnAll(@PathParam("action") String action,
                                        @QueryParam("state") String state,
                                        @QueryParam("domain") String domain,
                                        @QueryParam("sender") String sender,
                                        @QueryParam("older-than") String olderThan) {
        QueueAction parsed = action(action);
        int changed = queue.apply(parsed, filter(state, domain, sender, olderThan), runner.reporting());
        runAfter(parsed);
        return Map.of("entries", changed);
    }

    /** Entries made due are tried now, not at the next poll. */
    private void runAfter(QueueAction action) {
        if (action == QueueAction.RETRY || action == QueueAction.RELEASE) {
            runner.runSoon();
        }
    }

    private static QueueAction action(String name) {
        return QueueAction.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static QueueFilter filter(String state, String domain, String sender, String olderThan) {
        return new QueueFilter(
                Optional.ofNullable(state).map(QueueResource::state),
                Optional.ofNullable(domain).map(RequestValidation::domain),
                Optional.ofNullable(sender),
                Optional.ofNullable(olderThan).map(age -> Instant.now().minus(age(age))));
    }

    private static RecipientStatus state(String name) {
        try {
            return RecipientStatus.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException("unknown state: " + name
                    + " (queued, in_delivery, deferred, delivered, bounced or held)");
        }
    }

    private static Duration age(String text) {
        try {
            Duration age = Duration.parse(text);
            if (age.isNegative()) {
                throw new InvalidRequestException("older-than must not be negative: " + text);
            }
            return age;
        } catch (DateTimeParseException malformed) {
            throw new InvalidRequestException("older-than is not an ISO-8601 duration such as PT1H: " + text);
        }
    }
}
