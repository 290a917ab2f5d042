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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code connections} row: the connection as JSON, plus the columns queries filter on, and its
 * tags, kept in {@code connection_tags} (empty when read: the state holds them). Its notes and
 * enrichments are rows of their own ({@link ConnectionMembers}), not part of the state.
 *
 * <p>The state carries its {@code schema}. Schema 1 (up to V10) held every note and enrichment in
 * {@code notes} and {@code enrichments} arrays; schema {@value #SCHEMA} holds none, and
 * {@code annotated_at}, when the latest of them was added. A schema 1 state is upgraded as it is
 * read: its arrays become what the connection added since it was loaded, so saving it moves them to
 * their tables ({@link ConnectionMembersMigration}, V12, does so for every stored connection).
 * A change record's state ({@link #withAdditions}) keeps the arrays for what that change added.
 */
record ConnectionRow(String id, long version, String state, String status, String emailNorm, String phoneNorm,
                     List<String> tags, boolean deleted, long lastChangedAt) {

    /** The schema of the states this code writes. */
    static final int SCHEMA = 2;

    static ConnectionRow from(Connection connection) {
        return new ConnectionRow(connection.id().value(), connection.version(), StateJson.write(state(connection)),
                connection.field(ConnectionField.STATUS).orElse(null),
                connection.field(ConnectionField.EMAIL).flatMap(LinkKeys::email).orElse(null),
                connection.field(ConnectionField.PHONE).flatMap(LinkKeys::phone).orElse(null),
                connection.tags(), connection.isDeleted(), connection.lastChangedAt().toEpochMilli());
    }

    /** The state with the notes and enrichments the connection added since it was loaded: a change's. */
    static String withAdditions(Connection connection) {
        ObjectNode state = state(connection);
        ArrayNode notes = state.putArray("notes");
        connection.addedNotes().forEach(note -> notes.addObject().put("id", note.id()).put("content", note.content())
                .put("added_at", note.addedAt().toString()));
        ArrayNode enrichments = state.putArray("enrichments");
        connection.addedEnrichments().forEach(e -> {
            ObjectNode node = enrichments.addObject().put("event_key", e.eventKey()).put("status", e.status())
                    .put("provider", e.provider()).put("completed_at", e.completedAt().toString());
            node.set("enriched_fields", StateJson.strings(e.enrichedFields()));
        });
        return StateJson.write(state);
    }

    private static ObjectNode state(Connection connection) {
        ObjectNode state = StateJson.object();
        state.put("schema", SCHEMA);
        state.set("fields", StateJson.fields(connection.fields(), ConnectionField::wireName));
        connection.stampedTags().ifPresent(tags -> {
            ObjectNode node = state.putObject("tags");
            node.set("value", StateJson.strings(tags.value()));
            node.set("stamp", StateJson.stamp(tags.stamp()));
        });
        connection.annotatedAt().ifPresent(at -> state.put("annotated_at", at.toString()));
        state.set("lifecycle", StateJson.lifecycle(connection.lifecycle()));
        return state;
    }

    Connection toDomain() {
        return StateJson.reconstitute("connection", id, this::read);
    }

    private Connection read() {
        JsonNode node = StateJson.read(state);
        int schema = node.path("schema").asInt(1);
        if (schema > SCHEMA) {
            throw new IllegalStateException("schema " + schema + " is newer than this release reads (" + SCHEMA + ")");
        }
        Stamped<List<String>> tags = null;
        JsonNode tagNode = node.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            tags = new Stamped<>(StateJson.strings(tagNode.get("value")), StateJson.stamp(tagNode.get("stamp")));
        }
        List<Note> notes = new ArrayList<>();
        node.path("notes").forEach(n -> notes.add(new Note(n.get("id").asText(), n.get("content").asText(),
                Instant.parse(n.get("added_at").asText()))));
        List<Enrichment> enrichments = new ArrayList<>();
        node.path("enrichments").forEach(e -> enrichments.add(new Enrichment(e.get("event_key").asText(),
                StateJson.strings(e.get("enriched_fields")), StateJson.textOrNull(e, "status"),
                StateJson.textOrNull(e, "provider"), Instant.parse(e.get("completed_at").asText()))));
        return Connection.reconstitute(new ConnectionId(id),
                StateJson.fields(node.get("fields"), name -> ConnectionField.fromWireName(name).orElseThrow()),
                tags, notes, enrichments, annotatedAt(node, notes, enrichments),
                StateJson.lifecycle(node.get("lifecycle")), version);
    }

    /** Schema 2 states say when the latest note or enrichment came; a schema 1 state had them all. */
    private static Instant annotatedAt(JsonNode node, List<Note> notes, List<Enrichment> enrichments) {
        String stored = StateJson.textOrNull(node, "annotated_at");
        if (stored != null) {
            return Instant.parse(stored);
        }
        return Stream.concat(notes.stream().map(Note::addedAt), enrichments.stream().map(Enrichment::completedAt))
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
