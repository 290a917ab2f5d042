package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One change of the feed. Its {@code state} is the aggregate as its own route serves it, and
 * {@code changed} names the members of that state whose value differs from the state before, so
 * that both speak the route's field names. The state is rendered once, to compare it and to send it.
 */
public record ChangeResponse(String cursor, String aggregate, String id, String kind, List<String> changed,
                             ObjectNode state, String eventId, Instant committedAt) {

    static ChangeResponse from(Change change) {
        ObjectNode after = rendered(change.after());
        JsonNode before = change.before().<JsonNode>map(ChangeResponse::rendered)
                .orElse(JsonMapping.MAPPER.createObjectNode());
        List<String> changed = new ArrayList<>();
        after.fields().forEachRemaining(member -> {
            // a member the state before did not have was null then: a creation names what it sets
            JsonNode was = before.get(member.getKey());
            if (was == null ? !member.getValue().isNull() : !was.equals(member.getValue())) {
                changed.add(member.getKey());
            }
        });
        return new ChangeResponse(ChangeCursor.of(change.position()), change.after().type().wireName(),
                change.after().id(), change.kind().wireName(), changed, after, change.eventId().value(),
                change.committedAt());
    }

    private static ObjectNode rendered(AggregateSnapshot state) {
        return JsonMapping.MAPPER.valueToTree(AggregateResponse.from(state));
    }
}
