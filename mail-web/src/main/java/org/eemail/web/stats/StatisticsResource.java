// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.stats;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eemail.ejb.store.QueueDepth;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailServerStatus;

/** Live statistics: what the dashboard shows. */
@Path("stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class StatisticsResource {

    @EJB
    private QueueDepth queueDepth;

    @GET
    @Operation(operationId = "getStatistics", summary = "Listeners, counters, queue depth and the last hour per minute",
            description = "Counters are this server instance's since it started; the queue depth is read from the "
                    + "database and so covers every instance sharing it.")
    @APIResponse(responseCode = "200", description = "The statistics")
    public StatisticsView get() {
        return StatisticsView.of(MailServerStatus.listeners(), MailActivity.counters(), queueDepth.byState());
    }
}
