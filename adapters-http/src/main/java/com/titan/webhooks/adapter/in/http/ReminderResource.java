package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.QueryRemindersUseCase;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import com.titan.webhooks.domain.reminder.ReminderId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Inbound adapter: {@code /api/reminders}, follow-ups scheduled for connections. */
@ApiTokenRequired
@Path("/api/reminders")
@Produces(MediaType.APPLICATION_JSON)
public final class ReminderResource {

    private final QueryRemindersUseCase reminders;

    private final TraceProvenanceUseCase provenance;

    public ReminderResource(QueryRemindersUseCase reminders, TraceProvenanceUseCase provenance) {
        this.reminders = reminders;
        this.provenance = provenance;
    }

    @GET
    public PageResponse<ReminderResponse> list(@QueryParam("status") String status,
                                               @QueryParam("due_before") String dueBefore,
                                               @QueryParam("connection_id") String connectionId,
                                               @QueryParam("updated_since") String updatedSince,
                                               @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        ReminderFilter filter = new ReminderFilter(QueryParameters.text(status),
                QueryParameters.instant("due_before", dueBefore), QueryParameters.filterId("connection_id", connectionId),
                QueryParameters.instant("updated_since", updatedSince));
        return PageResponse.from(reminders.list(filter, QueryParameters.page(cursor, limit)), ReminderResponse::from);
    }

    @GET
    @Path("/{id}")
    public AggregateResponse get(@PathParam("id") String id, @QueryParam("provenance") String withProvenance) {
        ReminderResponse reminder = reminders.find(QueryParameters.id(id, ReminderId::new)).map(ReminderResponse::from)
                .orElseThrow(NotFoundException::new);
        return WithProvenanceResponse.asked(reminder, withProvenance, provenance,
                new AggregateRef(AggregateType.REMINDER, id));
    }
}
