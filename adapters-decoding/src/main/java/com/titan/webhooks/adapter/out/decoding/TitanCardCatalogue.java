package com.titan.webhooks.adapter.out.decoding;

import static com.titan.webhooks.adapter.out.decoding.Catalogue.line;

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
import com.titan.webhooks.domain.delivery.Source;
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

/**
 * TitanCard's catalogue: the event types the service handles, each read from its {@code data}
 * object into a domain event. A new event type is one line here (and a sample under
 * {@code samples/} in bootstrap).
 */
final class TitanCardCatalogue {

    static final Catalogue CATALOGUE = new Catalogue(Source.TITANCARD, "data", List.of(
            line("card.created", CardEvent.Created.class,
                    (data, stamp, type) -> new CardEvent.Created(cardId(data), stamp, cardFields(data))),
            line("card.updated", CardEvent.Updated.class,
                    (data, stamp, type) -> new CardEvent.Updated(cardId(data), stamp, cardFields(data))),
            line("card.deleted", CardEvent.Deleted.class,
                    (data, stamp, type) -> new CardEvent.Deleted(cardId(data), stamp, cardFields(data))),
            line("card.viewed", CardEvent.ActivityRecorded.class,
                    (data, stamp, type) -> cardActivity(data, stamp, type, CardActivity.Kind.VIEW, "view_source", "viewed_at")),
            line("card.shared", CardEvent.ActivityRecorded.class,
                    (data, stamp, type) -> cardActivity(data, stamp, type, CardActivity.Kind.SHARE, "share_source", "shared_at")),
            line("connection.created", ConnectionEvent.Created.class, (data, stamp, type) -> new ConnectionEvent.Created(
                    connectionId(data, "id"), stamp, connectionFields(data), optionalTags(data))),
            line("connection.updated", ConnectionEvent.Updated.class, (data, stamp, type) -> new ConnectionEvent.Updated(
                    connectionId(data, "id"), stamp, connectionFields(data), optionalTags(data))),
            line("connection.deleted", ConnectionEvent.Deleted.class, (data, stamp, type) -> new ConnectionEvent.Deleted(
                    connectionId(data, "id"), stamp, connectionFields(data))),
            line("connection.tagged", ConnectionEvent.Tagged.class, (data, stamp, type) -> new ConnectionEvent.Tagged(
                    connectionId(data, "id"), stamp, connectionFields(data),
                    optionalTags(data).orElseThrow(() -> new MalformedPayloadException("data.tags is missing")))),
            line("connection.status_changed", ConnectionEvent.StatusChanged.class, TitanCardCatalogue::statusChanged),
            // reminder.created and reminder.due share a record; the stamp keeps them in lifecycle order
            line("reminder.created", ReminderEvent.class,
                    (data, stamp, type) -> reminder(data, stamp.in(Phase.CREATION), type)),
            line("reminder.due", ReminderEvent.class, TitanCardCatalogue::reminder),
            line("note.added", ConnectionEvent.NoteAdded.class, TitanCardCatalogue::noteAdded),
            line("enrichment.completed", ConnectionEvent.EnrichmentCompleted.class,
                    TitanCardCatalogue::enrichmentCompleted)));

    private TitanCardCatalogue() {
    }

    private static ConnectionEvent.StatusChanged statusChanged(JsonNode data, Stamp stamp, String type) {
        Map<ConnectionField, String> fields = connectionFields(data);
        fields.put(ConnectionField.STATUS, JsonPayload.requiredText(data, "new_status", "data.new_status"));
        return new ConnectionEvent.StatusChanged(connectionId(data, "id"), stamp, fields);
    }

    private static ConnectionEvent.NoteAdded noteAdded(JsonNode data, Stamp stamp, String type) {
        Map<ConnectionField, String> fields = contactFields(data);
        ConnectionId connection = connectionId(data, "connection_id");
        String sentId = JsonPayload.scalar(data.get("id"), false);
        String noteId = sentId != null && !sentId.isBlank() ? sentId : itemKey(type, connection.value(), stamp);
        Note note = new Note(noteId, Optional.ofNullable(JsonPayload.scalar(data.get("note_content"), false)).orElse(""),
                timeOr(data, "added_at", stamp));
        return new ConnectionEvent.NoteAdded(connection, stamp, fields, note);
    }

    private static ConnectionEvent.EnrichmentCompleted enrichmentCompleted(JsonNode data, Stamp stamp, String type) {
        ConnectionId connection = connectionId(data, "connection_id");
        Enrichment enrichment = new Enrichment(itemKey(type, connection.value(), stamp), strings(data.get("enriched_fields")),
                JsonPayload.scalar(data.get("status"), false), JsonPayload.scalar(data.get("provider"), false),
                timeOr(data, "completed_at", stamp));
        return new ConnectionEvent.EnrichmentCompleted(connection, stamp, enrichment);
    }

    private static CardEvent.ActivityRecorded cardActivity(JsonNode data, Stamp stamp, String type,
                                                           CardActivity.Kind kind, String sourceField, String atField) {
        CardId card = cardId(data);
        Map<CardField, String> fields = cardFields(data);
        putIfPresent(fields, CardField.SLUG, data.get("card_slug"));
        putIfPresent(fields, CardField.NAME, data.get("card_name"));
        CardActivity activity = new CardActivity(kind, JsonPayload.scalar(data.get(sourceField), false),
                JsonPayload.scalar(data.get("viewer_country"), false), JsonPayload.scalar(data.get("viewer_city"), false),
                timeOr(data, atField, stamp), itemKey(type, card.value(), stamp));
        return new CardEvent.ActivityRecorded(card, stamp, fields, activity, total(data, "total_views"),
                total(data, "total_shares"));
    }

    private static ReminderEvent reminder(JsonNode data, Stamp stamp, String type) {
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
