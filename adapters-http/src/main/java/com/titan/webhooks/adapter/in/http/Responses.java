package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderField;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON bodies of the query API, mapped from the domain at the edge. Field names follow the
 * providers' documents (snake_case; TitanX's camelCase names converted), times are ISO-8601 UTC.
 */
final class Responses {

    private Responses() {
    }

    static Map<String, Object> connection(Connection connection) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", connection.id().value());
        for (ConnectionField field : ConnectionField.values()) {
            // TitanCard's own "notes" string would collide with the list of added notes below
            String name = field == ConnectionField.NOTES ? "notes_text" : field.wireName();
            body.put(name, connection.field(field).orElse(null));
        }
        body.put("tags", connection.tags());
        body.put("notes", connection.notes().stream().map(note -> ordered("id", note.id(), "content", note.content(),
                "added_at", note.addedAt().toString())).toList());
        body.put("enrichments", connection.enrichments().stream().map(e -> ordered("enriched_fields", e.enrichedFields(),
                "status", e.status(), "provider", e.provider(), "completed_at", e.completedAt().toString())).toList());
        body.put("deleted_at", connection.deletedAt().map(Object::toString).orElse(null));
        body.put("last_event_at", connection.lastChangedAt().toString());
        return body;
    }

    static Map<String, Object> connectionDetails(ConnectionDetails details) {
        Map<String, Object> body = connection(details.connection());
        body.put("reminders", details.reminders().stream().map(Responses::reminder).toList());
        body.put("lead_status", details.leadStatus().orElse(null));
        return body;
    }

    static Map<String, Object> card(Card card) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", card.id().value());
        for (CardField field : CardField.values()) {
            body.put(field.wireName(), card.field(field).orElse(null));
        }
        body.put("total_views", card.totalViews());
        body.put("total_shares", card.totalShares());
        body.put("recent_activity", card.recentActivity().stream().map(a -> ordered("kind",
                a.kind().name().toLowerCase(Locale.ROOT), "source", a.source(), "country", a.country(), "city", a.city(),
                "at", a.at().toString())).toList());
        body.put("deleted_at", card.deletedAt().map(Object::toString).orElse(null));
        return body;
    }

    static Map<String, Object> reminder(Reminder reminder) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", reminder.id().value());
        for (ReminderField field : ReminderField.values()) {
            body.put(field.wireName(), reminder.field(field).orElse(null));
        }
        return body;
    }

    static Map<String, Object> contact(Contact contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", contact.key().value());
        body.put("lead_status", contact.leadStatus().orElse(null));
        body.put("phones", contact.phones().stream().map(p -> ordered("slot", p.slot(), "number", p.number(),
                "status", p.status(), "type", p.type())).toList());
        Map<String, Object> attributes = new TreeMap<>();
        contact.attributes().forEach((name, value) -> attributes.put(snakeCase(name), nested(name, value.value())));
        body.put("attributes", attributes);
        return body;
    }

    static Map<String, Object> scoringJob(ScoringJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.jobKey());
        body.put("completed_at", job.completedAt().map(Object::toString).orElse(null));
        body.put("payload", job.completion().map(c -> json(c.value())).orElse(null));
        return body;
    }

    /** An aggregate's state in a change record, exactly as the aggregate's own route serves it. */
    static Map<String, Object> snapshot(AggregateSnapshot snapshot) {
        if (snapshot instanceof ConnectionDetails details) {
            return connectionDetails(details);
        } else if (snapshot instanceof CardSnapshot card) {
            return card(card.card());
        } else if (snapshot instanceof ReminderSnapshot reminder) {
            return reminder(reminder.reminder());
        } else if (snapshot instanceof ContactSnapshot contact) {
            return contact(contact.contact());
        } else if (snapshot instanceof ScoringJobSnapshot job) {
            return scoringJob(job.job());
        }
        throw new IllegalArgumentException("no route serves " + snapshot.getClass().getSimpleName());
    }

    static Map<String, Object> event(StoredEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().value());
        body.put("source", event.source().wireName());
        body.put("type", event.eventType().orElse(null));
        body.put("status", event.status().wireName());
        body.put("attempts", event.attempts());
        body.put("last_error", event.lastError().orElse(null));
        body.put("secret_used", event.secretUsed().map(used -> {
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("position", used.position());
            secret.put("fingerprint", used.fingerprint());
            return secret;
        }).orElse(null));
        body.put("idempotency_key", event.idempotencyKey().map(k -> k.value()).orElse(null));
        body.put("occurred_at", event.occurredAt().map(Object::toString).orElse(null));
        body.put("received_at", event.receivedAt().toString());
        return body;
    }

    /** One event in full: its headers (the signature was never stored) and its raw payload. */
    static Map<String, Object> eventDetails(StoredEvent event) {
        Map<String, Object> body = event(event);
        body.put("headers", event.headers());
        byte[] raw = event.rawBody();
        body.put("raw_payload", new String(raw, StandardCharsets.UTF_8));
        body.put("raw_payload_base64", Base64.getEncoder().encodeToString(raw));
        return body;
    }

    /** {@code phone2Status} becomes {@code phone2_status}, {@code linkedInUrl} {@code linked_in_url}. */
    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** TitanX's free-form {@code unmappedFields} was kept as JSON text; it goes back out as JSON. */
    private static Object nested(String name, String value) {
        return "unmappedFields".equals(name) && value != null ? json(value) : value;
    }

    private static Object json(String value) {
        try {
            return JsonMapping.MAPPER.readTree(value);
        } catch (JsonProcessingException notJson) {
            return value;
        }
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
