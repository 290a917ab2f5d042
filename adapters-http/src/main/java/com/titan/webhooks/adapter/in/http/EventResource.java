package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.in.DecodeEventUseCase;
import com.titan.webhooks.application.port.in.QueryEventsUseCase;
import com.titan.webhooks.application.port.in.ReplayCommand;
import com.titan.webhooks.application.port.in.ReplayEventsUseCase;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** Inbound adapter: {@code /api/events}, the inbox: inspect stored deliveries and replay them. */
@ApiTokenRequired
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventResource {

    private final QueryEventsUseCase events;
    private final ReplayEventsUseCase replay;
    private final DecodeEventUseCase decoder;

    public EventResource(QueryEventsUseCase events, ReplayEventsUseCase replay, DecodeEventUseCase decoder) {
        this.events = events;
        this.replay = replay;
        this.decoder = decoder;
    }

    @GET
    public PageResponse<ListedEventResponse> list(@QueryParam("source") String source, @QueryParam("type") String type,
                                                  @QueryParam("status") String status, @QueryParam("since") String since,
                                                  @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        EventFilter filter = filter(source, type, status, since);
        return PageResponse.from(events.list(filter, QueryParameters.page(cursor, limit)),
                event -> ListedEventResponse.from(event, decoder.decode(event)));
    }

    /** How many events the filter selects, per status: every status is present, with 0 for none. */
    @GET
    @Path("/counts")
    public EventCountsResponse counts(@QueryParam("source") String source, @QueryParam("type") String type,
                                      @QueryParam("status") String status, @QueryParam("since") String since) {
        return EventCountsResponse.from(events.counts(filter(source, type, status, since)));
    }

    /** One event in full, with what the domain reads in it ({@code decoded}, null when it cannot). */
    @GET
    @Path("/{id}")
    public EventDetailsResponse get(@PathParam("id") String id) {
        StoredEvent event = events.find(QueryParameters.id(id, EventResource::eventId)).orElseThrow(NotFoundException::new);
        return EventDetailsResponse.from(event, decoder.decode(event));
    }

    private static EventFilter filter(String source, String type, String status, String since) {
        return new EventFilter(QueryParameters.text(source).map(EventResource::source),
                QueryParameters.text(type), QueryParameters.text(status).map(EventResource::status),
                QueryParameters.instant("since", since));
    }

    /** Re-applies one event; 409 for a malformed one, which cannot be applied. */
    @POST
    @Path("/{id}/replay")
    public Response replayOne(@PathParam("id") String id) {
        StoredEvent event = events.find(QueryParameters.id(id, EventResource::eventId)).orElseThrow(NotFoundException::new);
        if (event.status() == ProcessingStatus.MALFORMED) {
            return ErrorCode.NOT_REPLAYABLE.response("a malformed event has no envelope to apply");
        }
        return queued(replay.replay(ReplayCommand.event(event.id())));
    }

    @POST
    @Path("/replay")
    public Response replayStatus(@QueryParam("status") String status) {
        ProcessingStatus selected = QueryParameters.text(status).map(EventResource::status)
                .orElseThrow(() -> new InvalidParameterException("status is required, e.g. status=parked"));
        if (selected == ProcessingStatus.MALFORMED) {
            throw new InvalidParameterException("malformed events cannot be replayed; they are kept for inspection");
        }
        return queued(replay.replay(ReplayCommand.status(selected)));
    }

    private static Response queued(List<EventId> ids) {
        return Response.accepted(QueuedResponse.from(ids)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Event ids are UUIDs this service made: anything else names nothing, and the store need not be asked. */
    private static EventId eventId(String id) {
        if (!UUID.fromString(id).toString().equals(id)) {
            throw new IllegalArgumentException("not an event id as this service writes them");
        }
        return new EventId(id);
    }

    private static Source source(String name) {
        return Source.fromWireName(name).orElseThrow(() -> new InvalidParameterException("source must be titanx or titancard"));
    }

    private static ProcessingStatus status(String name) {
        return ProcessingStatus.fromWireName(name).orElseThrow(() -> new InvalidParameterException(
                "status must be one of received, processed, ignored, failed, parked, malformed"));
    }

}
