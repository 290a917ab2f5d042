package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.LinkKeys;
import com.titan.webhooks.domain.event.Stamped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code connections} row: the whole connection as JSON, plus the columns queries filter on, and
 * its tags, kept in {@code connection_tags} (empty when read: the state holds them).
 */
record ConnectionRow(String id, long version, String state, String status, String emailNorm, String phoneNorm,
                     List<String> tags, boolean deleted, long lastChangedAt) {

    static ConnectionRow from(Connection connection) {
        ObjectNode state = StateJson.object();
        state.set("fields", StateJson.fields(connection.fields(), ConnectionField::wireName));
        connection.stampedTags().ifPresent(tags -> {
            ObjectNode node = state.putObject("tags");
            node.set("value", StateJson.strings(tags.value()));
            node.set("stamp", StateJson.stamp(tags.stamp()));
        });
        ArrayNode notes = state.putArray("notes");
        connection.notes().forEach(note -> notes.addObject().put("id", note.id()).put("content", note.content())
                .put("added_at", note.addedAt().toString()));
        ArrayNode enrichments = state.putArray("enrichments");
        connection.enrichments().forEach(e -> {
            ObjectNode node = enrichments.addObject().put("event_key", e.eventKey()).put("status", e.status())
                    .put("provider", e.provider()).put("completed_at", e.completedAt().toString());
            node.set("enriched_fields", StateJson.strings(e.enrichedFields()));
        });
        state.set("lifecycle", StateJson.lifecycle(connection.lifecycle()));
        return new ConnectionRow(connection.id().value(), connection.version(), StateJson.write(state),
                connection.field(ConnectionField.STATUS).orElse(null),
                connection.field(ConnectionField.EMAIL).flatMap(LinkKeys::email).orElse(null),
                connection.field(ConnectionField.PHONE).flatMap(LinkKeys::phone).orElse(null),
                connection.tags(), connection.isDeleted(), connection.lastChangedAt().toEpochMilli());
    }

    Connection toDomain() {
        return StateJson.reconstitute("connection", id, this::read);
    }

    private Connection read() {
        JsonNode node = StateJson.read(state);
        Stamped<List<String>> tags = null;
        JsonNode tagNode = node.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            tags = new Stamped<>(StateJson.strings(tagNode.get("value")), StateJson.stamp(tagNode.get("stamp")));
        }
        List<Note> notes = new ArrayList<>();
        node.get("notes").forEach(n -> notes.add(new Note(n.get("id").asText(), n.get("content").asText(),
                Instant.parse(n.get("added_at").asText()))));
        List<Enrichment> enrichments = new ArrayList<>();
        node.get("enrichments").forEach(e -> enrichments.add(new Enrichment(e.get("event_key").asText(),
                StateJson.strings(e.get("enriched_fields")), StateJson.textOrNull(e, "status"),
                StateJson.textOrNull(e, "provider"), Instant.parse(e.get("completed_at").asText()))));
        return Connection.reconstitute(new ConnectionId(id),
                StateJson.fields(node.get("fields"), name -> ConnectionField.fromWireName(name).orElseThrow()),
                tags, notes, enrichments, StateJson.lifecycle(node.get("lifecycle")), version);
    }
}
