package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.in.ChangeQuery;
import com.titan.webhooks.application.port.in.ReadChangesUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Inbound adapter: {@code /api/changes}, the change feed. A request that waits for changes is
 * suspended: it holds no worker thread while it waits (the pool has a handful), and is answered
 * from the thread that finds its changes or ends its wait.
 */
@ApiTokenRequired
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
public final class ChangeResource {

    static final int MAX_WAIT_SECONDS = 30;

    private final ReadChangesUseCase changes;
    private final List<AggregateType> known;

    /** @param known the aggregate types the service reports, all a reader may filter on, in the order to name them */
    public ChangeResource(ReadChangesUseCase changes, Collection<AggregateType> known) {
        this.changes = changes;
        this.known = List.copyOf(known);
    }

    @GET
    public void read(@QueryParam("after") String after, @QueryParam("limit") String limit,
                     @QueryParam("wait") String wait, @QueryParam("aggregate") String aggregate,
                     @QueryParam("aggregate_id") String aggregateId, @Suspended AsyncResponse response) {
        try {
            Set<AggregateType> types = types(aggregate);
            Optional<String> id = QueryParameters.filterId("aggregate_id", aggregateId);
            if (id.isPresent() && types.size() != 1) {
                throw new InvalidParameterException("aggregate_id needs exactly one aggregate, e.g. aggregate=connection");
            }
            ChangeQuery query = new ChangeQuery(ChangeCursor.position(after), types, id, limit(limit));
            Duration waitFor = Duration.ofSeconds(QueryParameters.integer("wait", wait, 0, 0, MAX_WAIT_SECONDS));
            // a guard only: the use case answers every wait before it ends
            response.setTimeoutHandler(late -> late.resume(ErrorCode.UNAVAILABLE.response()));
            response.setTimeout(waitFor.getSeconds() + 10, TimeUnit.SECONDS);
            changes.readOrWait(query, waitFor).whenComplete((page, failure) -> {
                if (failure != null) {
                    response.resume(failure instanceof CompletionException ? failure.getCause() : failure);
                } else {
                    response.resume(ChangePageResponse.from(page));
                }
            });
        } catch (RuntimeException failure) {
            response.resume(failure);
        }
    }

    private static int limit(String limit) {
        return QueryParameters.integer("limit", limit, ChangeQuery.DEFAULT_LIMIT, 1, ChangeQuery.MAX_LIMIT);
    }

    private Set<AggregateType> types(String aggregate) {
        Set<AggregateType> types = new HashSet<>();
        if (aggregate == null || aggregate.isBlank()) {
            return types;
        }
        // every item counts: "aggregate=," names none and would otherwise list every kind
        for (String name : aggregate.split(",", -1)) {
            types.add(AggregateType.fromWireName(name.trim()).filter(known::contains).orElseThrow(() ->
                    new InvalidParameterException("aggregate must be a comma-separated list of "
                            + String.join(", ", known.stream().map(AggregateType::wireName).toList()))));
        }
        return types;
    }
}
