package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.util.List;
import java.util.Optional;

/**
 * Why an aggregate looks as it does. {@code fields}: each field's value and the event that set it,
 * read from the stored aggregate's stamps. {@code lost}: values that arrived after a newer one and
 * lost to it, found by replaying the aggregate's processed events in arrival order through the
 * domain's own rules. {@code created} and {@code deleted}: the latest creation and deletion (the
 * tombstone). {@code events}: the inbox events about the aggregate, in arrival order;
 * {@code complete} is false when there were more than were read.
 */
public record Provenance(List<FieldOrigin> fields, List<LostValue> lost, Optional<EventOrigin> created,
                         Optional<EventOrigin> deleted, boolean isDeleted, List<StoredEvent> events, boolean complete) {

    public Provenance {
        fields = List.copyOf(fields);
        lost = List.copyOf(lost);
        Require.nonNull(created, "created");
        Require.nonNull(deleted, "deleted");
        events = List.copyOf(events);
    }

    /** A field's current value (null when cleared) and the event that set it. */
    public record FieldOrigin(String field, String value, EventOrigin setBy) {

        public FieldOrigin {
            Require.nonBlank(field, "field");
            Require.nonNull(setBy, "setBy");
        }
    }

    /** A value an event carried that did not take, because a newer one had already arrived. */
    public record LostValue(String field, String value, StoredEvent event, EventOrigin lostTo) {

        public LostValue {
            Require.nonBlank(field, "field");
            Require.nonNull(event, "event");
            Require.nonNull(lostTo, "lostTo");
        }
    }
}
