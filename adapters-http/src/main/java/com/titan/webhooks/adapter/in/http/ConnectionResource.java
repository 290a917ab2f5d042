package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.QueryConnectionsUseCase;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import com.titan.webhooks.domain.connection.ConnectionId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Inbound adapter: {@code /api/connections}, the people met through TitanCard. */
@ApiTokenRequired
@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
public final class ConnectionResource {

    private final QueryConnectionsUseCase connections;
    private final TraceProvenanceUseCase provenance;

    public ConnectionResource(QueryConnectionsUseCase connections, TraceProvenanceUseCase provenance) {
        this.connections = connections;
        this.provenance = provenance;
    }

    @GET
    public PageResponse<ConnectionResponse> list(@QueryParam("status") String status, @QueryParam("tag") String tag,
                                                 @QueryParam("email") String email,
                                                 @QueryParam("updated_since") String updatedSince,
                                                 @QueryParam("include_deleted") String includeDeleted,
                                                 @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        ConnectionFilter filter = new ConnectionFilter(QueryParameters.text(status), QueryParameters.text(tag),
                QueryParameters.text(email), QueryParameters.instant("updated_since", updatedSince),
                QueryParameters.flag("include_deleted", includeDeleted));
        return PageResponse.from(connections.list(filter, QueryParameters.page(cursor, limit)), ConnectionResponse::from);
    }

    @GET
    @Path("/{id}")
    public AggregateResponse get(@PathParam("id") String id, @QueryParam("provenance") String withProvenance,
                                 @QueryParam("notes_cursor") String notesCursor,
                                 @QueryParam("notes_limit") String notesLimit,
                                 @QueryParam("enrichments_cursor") String enrichmentsCursor,
                                 @QueryParam("enrichments_limit") String enrichmentsLimit) {
        // each list a connection holds without bound is paged as the lists are, its parameters named after it
        ConnectionDetailsResponse connection = connections.details(QueryParameters.id(id, ConnectionId::new),
                        QueryParameters.page("notes_limit", notesCursor, notesLimit),
                        QueryParameters.page("enrichments_limit", enrichmentsCursor, enrichmentsLimit))
                .map(ConnectionDetailsResponse::from).orElseThrow(NotFoundException::new);
        return WithProvenanceResponse.asked(connection, withProvenance, provenance,
                new AggregateRef(AggregateType.CONNECTION, id));
    }
}
