package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store at V10, whose connections hold their notes and enrichments in arrays of their state
 * (schema 1, without a {@code schema} member), upgrades: V11 makes their tables, V12 moves every
 * note and enrichment there and writes the state at schema 2 without them, and the connection
 * reads, pages its notes and takes new ones as one written since.
 */
class UpgradeFromV9Test {

    private static final String ID = "old-annotated";

    static Stream<Supplier<TestDatabase>> stores() {
        return Stream.of(TestDatabase::sqlite, TestDatabase::postgres);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void connectionWithNotesInItsState_upgrades_andKeepsEveryOne(Supplier<TestDatabase> kind) {
        try (TestDatabase store = kind.get(); Database database = Database.open(store.settings())) {
            // the store as it was before the notes left the state: V9 (state as JSONB) is PostgreSQL's
            // only, so SQLite was at V8
            database.migrateOnlyTo(store.isPostgres() ? "9" : "8");
            Connection old = Connection.unseen(new ConnectionId(ID));
            old.apply(TestEvents.connectionCreated(ID, TestEvents.stamp(1_000),
                    TestEvents.connectionFields(ConnectionField.FULL_NAME, "Jane Doe"), List.of("vip")));
            old.apply(TestEvents.noteAdded(ID, TestEvents.stamp(4_000), "n2", "second"));
            old.apply(TestEvents.noteAdded(ID, TestEvents.stamp(2_000), "n1", "first, with a NUL: a\u0000b"));
            old.apply(TestEvents.noteAdded(ID, TestEvents.stamp(6_000), "n3", "third"));
            old.apply(TestEvents.enriched(ID, TestEvents.stamp(5_000), "clearbit"));
            String v10State = v10State(old);
            database.transactions().inTransaction(() -> database.jdbiTransactions().withHandle(handle -> handle
                    .createUpdate("""
                            INSERT INTO connections (id, version, state, status, email_norm, phone_norm, deleted,
                                                     last_changed_at, changed_at, tags)
                            VALUES (:id, 3, :state, NULL, NULL, NULL, FALSE, 6000, 6000, '')
                            """).bind("id", ID).bind("state", new JsonState(v10State)).execute()));

            assertEquals(3, database.migrate(), "V11, V12 and V13 applied");

            Connection upgraded = database.connections().find(new ConnectionId(ID)).orElseThrow();
            assertEquals(3, upgraded.version(), "an upgrade is not a change of the connection");
            assertEquals(List.of(), upgraded.addedNotes());
            assertEquals(Optional.of("Jane Doe"), upgraded.field(ConnectionField.FULL_NAME));
            assertEquals(List.of("vip"), upgraded.tags());
            assertEquals(Instant.ofEpochMilli(6_000), upgraded.lastChangedAt());
            JsonNode state = StateJson.read(database.jdbiTransactions().withHandle(handle -> handle
                    .createQuery("SELECT state FROM connections WHERE id = :id").bind("id", ID).mapTo(String.class).one()));
            assertEquals(ConnectionRow.SCHEMA, state.path("schema").asInt());
            assertFalse(state.has("notes") || state.has("enrichments"), state.toString());

            Page<Note> first = database.connections().notes(new ConnectionId(ID), PageRequest.first(2));
            assertEquals(List.of("n1", "n2"), first.items().stream().map(Note::id).toList());
            assertEquals("first, with a NUL: a\uFFFDb", first.items().get(0).content(),
                    "a note's text is a column now, bound as every column is on both stores (StorableText)");
            Page<Note> second = database.connections().notes(new ConnectionId(ID), new PageRequest(first.nextCursor(), 2));
            assertEquals(List.of("n3"), second.items().stream().map(Note::id).toList());
            assertTrue(second.nextCursor().isEmpty());
            List<Enrichment> enrichments = database.connections().enrichments(new ConnectionId(ID), PageRequest.first(50))
                    .items();
            assertEquals(old.addedEnrichments(), enrichments);

            // written again after the upgrade: a new note joins the moved ones
            upgraded.apply(TestEvents.noteAdded(ID, TestEvents.stamp(7_000), "n4", "fourth"));
            database.connections().save(upgraded);
            assertEquals(List.of("n1", "n2", "n3", "n4"), database.connections()
                    .notes(new ConnectionId(ID), PageRequest.first(50)).items().stream().map(Note::id).toList());
            assertEquals(4, database.connections().find(new ConnectionId(ID)).orElseThrow().version());
        }
    }

    /** The state as the release at V10 wrote it: every note and enrichment in it, and no schema. */
    private static String v10State(Connection connection) {
        ObjectNode state = (ObjectNode) StateJson.read(ConnectionRow.withAdditions(connection));
        state.remove("schema");
        state.remove("annotated_at");
        assertEquals(3, state.get("notes").size());
        return StateJson.write(state);
    }
}
