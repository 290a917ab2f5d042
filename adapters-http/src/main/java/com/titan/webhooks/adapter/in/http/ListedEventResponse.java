package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.DecodedEvent;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.util.Optional;

/**
 * A stored event as {@code GET /api/events} lists it, with the aggregate it changes (null when the
 * domain reads none in it).
 */
public record ListedEventResponse(@JsonUnwrapped EventResponse event, AggregateRefResponse aggregate) {

    static ListedEventResponse from(StoredEvent event, Optional<DecodedEvent> decoded) {
        return new ListedEventResponse(EventResponse.from(event),
                decoded.map(read -> AggregateRefResponse.from(read.aggregate())).orElse(null));
    }

    /** An aggregate by its kind and its id, as its route names it. */
    public record AggregateRefResponse(String type, String id) {

        static AggregateRefResponse from(AggregateRef aggregate) {
            return new AggregateRefResponse(aggregate.type().wireName(), aggregate.id());
        }
    }
}
