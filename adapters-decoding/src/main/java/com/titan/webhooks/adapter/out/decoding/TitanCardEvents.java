package com.titan.webhooks.adapter.out.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.domain.card.CardActivity;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.event.Phase;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The 14 TitanCard event types, each read from its {@code data} object into a domain event. */
final class TitanCardEvents {

    static final Map<String, EventReader> READERS = Map.ofEntries(
            Map.entry("connection.created", (data, stamp) -> new ConnectionEvent.Created(
                    connectionId(data, "id"), stamp, connectionFields(data), optionalTags(data))),
            Map.entry("connection.updated", (data, stamp) -> new ConnectionEvent.Updated(
                    connectionId(data, "id"), stamp, connectionFields(data), optionalTags(data))),
            Map.entry("connection.deleted", (data, stamp) -> new ConnectionEvent.Deleted(
                    connectionId(data, "id"), stamp, connectionFields(data))),
            Map.entry("connection.tagged", (data, stamp) -> new ConnectionEvent.Tagged(
                    connectionId(data, "id"), stamp, connectionFields(data),
                    optionalTags(data).orElseThrow(() -> new MalformedPayloadException("data.tags is missing")))),
            Map.entry("connection.status_changed", TitanCardEvents::statusChanged),
            Map.entry("note.added", TitanCardEvents::noteAdded),
            Map.entry("enrichment.completed", TitanCardEvents::enrichmentCompleted),
            Map.entry("card.created", (data, stamp) -> new CardEvent.Created(cardId(data), stamp, cardFields(data))),
            Map.entry("card.updated", (data, stamp) -> new CardEvent.Updated(cardId(data), stamp, cardFields(data))),
            Map.entry("card.deleted", (data, stamp) -> new CardEvent.Deleted(cardId(data), stamp, cardFields(data))),
            Map.entry("card.viewed", (data, stamp) -> cardActivity(data, stamp, CardActivity.Kind.VIEW,
                    "view_source", "viewed_at")),
            Map.entry("card.shared", (data, stamp) -> cardActivity(data, stamp, CardActivity.Kind.SHARE,
                    "share_source", "shared_at")),
            // reminder.created and reminder.due share a record; the stamp keeps them in lifecycle order
            Map.entry("reminder.created", (data, stamp) -> reminder(data, stamp.in(Phase.CREATION))),
            Map.entry("reminder.due", TitanCardEvents::reminder));

    private TitanCardEvents() {
    }

    private static ConnectionEvent statusChanged(JsonNode data, Stamp stamp) {
        Map<ConnectionField, String> fields = connectionFields(data);
        fields.put(ConnectionField.STATUS, JsonPayload.requiredText(data, "new_status", "data.new_status"));
        return new ConnectionEvent.StatusChanged(connectionId(data, "id"), stamp, fields);
    }

    private static ConnectionEvent noteAdded(JsonNode data, Stamp stamp) {
        Map<ConnectionField, String> fields = contactFields(data);
        ConnectionId connection = connectionId(data, "connection_id");
        String sentId = JsonPayload.scalar(data.get("id"), false);
        String noteId = sentId != null && !sentId.isBlank() ? sentId : itemKey("note.added", connection.value(), stamp);
        Note note = new Note(noteId, Optional.ofNullable(JsonPayload.scalar(data.get("note_content"), false)).orElse(""),
                timeOr(data, "added_at", stamp));
        return new ConnectionEvent.NoteAdded(connection, stamp, fields, note);
    }

    private static ConnectionEvent enrichmentCompleted(JsonNode data, Stamp stamp) {
        ConnectionId connection = connectionId(data, "connection_id");
        Enrichment enrichment = new Enrichment(itemKey("enrichment.completed", connection.value(), stamp), strings(data.get("enriched_fields")),
                JsonPayload.scalar(data.get("status"), false), JsonPayload.scalar(data.get("provider"), false),
                timeOr(data, "completed_at", stamp));
        return new ConnectionEvent.EnrichmentCompleted(connection, stamp, enrichment);
    }

    private static CardEvent cardActivity(JsonNode data, Stamp stamp, CardActivity.Kind kind, String sourceField,
                                          String atField) {
        CardId card = cardId(data);
        Map<CardField, String> fields = cardFields(data);
        putIfPresent(fields, CardField.SLUG, data.get("card_slug"));
        putIfPresent(fields, CardField.NAME, data.get("card_name"));
        CardActivity activity = new CardActivity(kind, JsonPayload.scalar(data.get(sourceField), false),
                JsonPayload.scalar(data.get("viewer_country"), false), JsonPayload.scalar(data.get("viewer_city"), false),
                timeOr(data, atField, stamp), itemKey(kind == CardActivity.Kind.VIEW ? "card.viewed" : "card.shared",
                        card.value(), stamp));
        return new CardEvent.ActivityRecorded(card, stamp, fields, activity, total(data, "total_views"),
                total(data, "total_shares"));
    }

    private static ReminderEvent reminder(JsonNode data, Stamp stamp) {
        Map<ReminderField, String> fields = new EnumMap<>(ReminderField.class);
        for (ReminderField field : ReminderField.values()) {
            if (data.has(field.wireName())) {
                fields.put(field, JsonPayload.scalar(data.get(field.wireName()), field == ReminderField.SCHEDULED_FOR));
            }
        }
        return new ReminderEvent(new ReminderId(JsonPayload.requiredId(data, "id", "data.id")), stamp, fields);
    }

    /**
     * What identifies an event that adds an item (an enrichment, a view, a share, a note without an
     * id): its type, its subject and its timestamp, as TitanCard advises ("use the event
     * timestamp"). Not the body's hash, which is the inbox's key: the same event sent compact and
     * again indented is two deliveries, but must count once.
     */
    private static String itemKey(String type, String subject, Stamp stamp) {
        return type + ":" + subject + ":" + stamp.at().toEpochMilli();
    }

    private static ConnectionId connectionId(JsonNode data, String field) {
        return new ConnectionId(JsonPayload.requiredId(data, field, "data." + field));
    }

    private static CardId cardId(JsonNode data) {
        return new CardId(JsonPayload.requiredId(data, "card_id", "data.card_id"));
    }

    /** Every connection field the event carries, under the field reference's names. */
    private static Map<ConnectionField, String> connectionFields(JsonNode data) {
        Map<ConnectionField, String> fields = new EnumMap<>(ConnectionField.class);
        for (ConnectionField field : ConnectionField.values()) {
            if (data.has(field.wireName())) {
                fields.put(field, JsonPayload.scalar(data.get(field.wireName()), field.isTime()));
            }
        }
        return fields;
    }

    /** Related events name the person as contact_name / contact_email. */
    private static Map<ConnectionField, String> contactFields(JsonNode data) {
        Map<ConnectionField, String> fields = new EnumMap<>(ConnectionField.class);
        if (data.has("contact_name")) {
            fields.put(ConnectionField.FULL_NAME, JsonPayload.scalar(data.get("contact_name"), false));
        }
        if (data.has("contact_email")) {
            fields.put(ConnectionField.EMAIL, JsonPayload.scalar(data.get("contact_email"), false));
        }
        return fields;
    }

    private static Map<CardField, String> cardFields(JsonNode data) {
        Map<CardField, String> fields = new EnumMap<>(CardField.class);
        for (CardField field : CardField.values()) {
            if (data.has(field.wireName())) {
                boolean time = field == CardField.CREATED_AT || field == CardField.UPDATED_AT;
                fields.put(field, JsonPayload.scalar(data.get(field.wireName()), time));
            }
        }
        return fields;
    }

    private static Optional<List<String>> optionalTags(JsonNode data) {
        JsonNode tags = data.get("tags");
        if (tags == null || tags.isNull()) {
            return Optional.empty();
        }
        if (!tags.isArray()) {
            throw new MalformedPayloadException("data.tags must be an array of strings");
        }
        return Optional.of(strings(tags));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static Instant timeOr(JsonNode data, String field, Stamp stamp) {
        JsonNode node = data.get(field);
        return JsonPayload.isMillis(node) ? Instant.ofEpochMilli(node.asLong()) : stamp.at();
    }

    private static OptionalLong total(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node != null && node.canConvertToLong() && node.isNumber() ? OptionalLong.of(node.asLong())
                : OptionalLong.empty();
    }

    private static void putIfPresent(Map<CardField, String> fields, CardField field, JsonNode value) {
        if (value != null) {
            fields.put(field, JsonPayload.scalar(value, false));
        }
    }
}
