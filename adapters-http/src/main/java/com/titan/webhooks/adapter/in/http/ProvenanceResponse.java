package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.EventOrigin;
import com.titan.webhooks.application.port.in.Provenance;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an aggregate looks as it does ({@code ?provenance=true}): each field's value and the event
 * that set it, the values that lost, the tombstone, and the events about it.
 */
public record ProvenanceResponse(Map<String, FieldResponse> fields, List<LostResponse> lost,
                                 LifecycleResponse lifecycle, List<EventLineResponse> events, boolean eventsComplete) {

    static ProvenanceResponse from(Provenance provenance) {
        Map<String, FieldResponse> fields = new LinkedHashMap<>();
        provenance.fields().forEach(field -> fields.put(field.field(),
                new FieldResponse(field.value(), OriginResponse.from(field.setBy()))));
        LifecycleResponse lifecycle = new LifecycleResponse(provenance.isDeleted(),
                provenance.created().map(OriginResponse::from).orElse(null),
                provenance.deleted().map(OriginResponse::from).orElse(null));
        return new ProvenanceResponse(fields, provenance.lost().stream().map(LostResponse::from).toList(), lifecycle,
                provenance.events().stream().map(EventLineResponse::from).toList(), provenance.complete());
    }

    /** A field's current value (null when cleared) and the event that set it. */
    public record FieldResponse(String value, OriginResponse setBy) {
    }

    /** A value an event carried that did not take, because a newer one had already arrived. */
    public record LostResponse(String field, String value, String eventId, Instant occurredAt, Instant receivedAt,
                               OriginResponse lostTo) {

        static LostResponse from(Provenance.LostValue lost) {
            return new LostResponse(lost.field(), lost.value(), lost.event().id().value(),
                    lost.event().occurredAt().orElse(null), lost.event().receivedAt(),
                    OriginResponse.from(lost.lostTo()));
        }
    }

    /** The tombstone: whether the aggregate is deleted, and the latest creation and deletion. */
    public record LifecycleResponse(boolean deleted, OriginResponse createdBy, OriginResponse deletedBy) {
    }

    /** One inbox event about the aggregate. */
    public record EventLineResponse(String id, String type, String status, Instant occurredAt, Instant receivedAt) {

        static EventLineResponse from(StoredEvent event) {
            return new EventLineResponse(event.id().value(), event.eventType().orElse(null), event.status().wireName(),
                    event.occurredAt().orElse(null), event.receivedAt());
        }
    }

    /** The event behind a value; {@code event_id} is null once the event is no longer in the inbox. */
    public record OriginResponse(String eventId, String idempotencyKey, Instant occurredAt) {

        static OriginResponse from(EventOrigin origin) {
            return new OriginResponse(origin.eventId().map(EventId::value).orElse(null), origin.eventKey(),
                    origin.occurredAt());
        }
    }
}
