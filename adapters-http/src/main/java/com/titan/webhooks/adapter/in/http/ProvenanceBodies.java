package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.DecodedEvent;
import com.titan.webhooks.application.port.in.EventOrigin;
import com.titan.webhooks.application.port.in.Provenance;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of an aggregate's provenance ({@code ?provenance=true}) and of a decoded event. */
final class ProvenanceBodies {

    private ProvenanceBodies() {
    }

    /** {@code body} with a {@code provenance} member when the flag asks for it. */
    static Map<String, Object> added(Map<String, Object> body, String flag, TraceProvenanceUseCase provenance,
                                     AggregateRef aggregate) {
        if (QueryParameters.flag("provenance", flag)) {
            // the aggregate was just read: only a concurrent purge could make it vanish in between
            body.put("provenance", provenance.trace(aggregate).map(ProvenanceBodies::provenance).orElse(null));
        }
        return body;
    }

    static Map<String, Object> provenance(Provenance provenance) {
        Map<String, Object> fields = new LinkedHashMap<>();
        provenance.fields().forEach(field -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", field.value());
            entry.put("set_by", origin(field.setBy()));
            fields.put(field.field(), entry);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", fields);
        body.put("lost", provenance.lost().stream().map(lost -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", lost.field());
            entry.put("value", lost.value());
            entry.put("event_id", lost.event().id().value());
            entry.put("occurred_at", lost.event().occurredAt().map(Object::toString).orElse(null));
            entry.put("received_at", lost.event().receivedAt().toString());
            entry.put("lost_to", origin(lost.lostTo()));
            return entry;
        }).toList());
        Map<String, Object> tombstone = new LinkedHashMap<>();
        tombstone.put("deleted", provenance.isDeleted());
        tombstone.put("created_by", provenance.created().map(ProvenanceBodies::origin).orElse(null));
        tombstone.put("deleted_by", provenance.deleted().map(ProvenanceBodies::origin).orElse(null));
        body.put("lifecycle", tombstone);
        body.put("events", provenance.events().stream().map(ProvenanceBodies::eventLine).toList());
        body.put("events_complete", provenance.complete());
        return body;
    }

    static Map<String, Object> decoded(DecodedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aggregate", event.aggregate().type().wireName());
        body.put("aggregate_id", event.aggregate().id());
        body.put("change", event.change());
        body.put("occurred_at", event.occurredAt().toString());
        body.put("fields", event.fields());
        return body;
    }

    private static Map<String, Object> eventLine(StoredEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", event.id().value());
        line.put("type", event.eventType().orElse(null));
        line.put("status", event.status().wireName());
        line.put("occurred_at", event.occurredAt().map(Object::toString).orElse(null));
        line.put("received_at", event.receivedAt().toString());
        return line;
    }

    private static Map<String, Object> origin(EventOrigin origin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", origin.eventId().map(EventId::value).orElse(null));
        body.put("idempotency_key", origin.eventKey());
        body.put("occurred_at", origin.occurredAt().toString());
        return body;
    }
}
