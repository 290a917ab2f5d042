package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A connection's notes and enrichments, a row each in {@code connection_notes} and
 * {@code connection_enrichments}, keyed by (connection, note id or event key). Saving a connection
 * appends what it added: each costs a row written, whatever the connection already holds, and a
 * page is read by keyset on {@code page_key}, the time it came then its id, in the index's order.
 */
final class ConnectionMembers {

    private static final String INSERT_NOTE = """
            INSERT INTO connection_notes (connection_id, note_id, content, added_at, page_key)
            VALUES (:connection, :id, :content, :addedAt, :pageKey)
            ON CONFLICT (connection_id, note_id) DO NOTHING
            """;
    private static final String STORED_NOTES = """
            SELECT note_id, content, added_at FROM connection_notes WHERE connection_id = :connection AND note_id IN (<ids>)
            """;
    private static final String STORED_ENRICHMENTS = """
            SELECT event_key FROM connection_enrichments WHERE connection_id = :connection AND event_key IN (<keys>)
            """;
    private static final String REPLACE_NOTE = """
            UPDATE connection_notes SET content = :content, added_at = :addedAt, page_key = :pageKey
            WHERE connection_id = :connection AND note_id = :id
            """;
    private static final String INSERT_ENRICHMENT = """
            INSERT INTO connection_enrichments (connection_id, event_key, enriched_fields, status, provider, completed_at,
                                                page_key)
            VALUES (:connection, :key, :fields, :status, :provider, :completedAt, :pageKey)
            ON CONFLICT (connection_id, event_key) DO NOTHING
            """;
    private static final String NOTES_PAGE = """
            SELECT note_id, content, added_at, page_key FROM connection_notes
            WHERE connection_id = :connection AND page_key > :after ORDER BY page_key LIMIT :limit
            """;
    private static final String ENRICHMENTS_PAGE = """
            SELECT event_key, enriched_fields, status, provider, completed_at, page_key FROM connection_enrichments
            WHERE connection_id = :connection AND page_key > :after ORDER BY page_key LIMIT :limit
            """;

    private ConnectionMembers() {
    }

    /**
     * Appends what each connection added. A note already stored under its id is replaced only by
     * the version {@link Note#kept} keeps, so the stored note is the same whatever order its
     * versions came in; the comparison is made here rather than in SQL, whose string order
     * depends on the database's collation.
     */
    static void append(Handle handle, List<Connection> connections) {
        PreparedBatch notes = handle.prepareBatch(INSERT_NOTE);
        PreparedBatch enrichments = handle.prepareBatch(INSERT_ENRICHMENT);
        for (Connection connection : connections) {
            String owner = connection.id().value();
            Map<String, Note> stored = new HashMap<>();
            storedNotes(handle, owner, connection.addedNotes().stream().map(Note::id).collect(Collectors.toSet()))
                    .forEach(note -> stored.put(note.id(), note));
            for (Note note : connection.addedNotes()) {
                Note current = stored.get(note.id());
                if (current == null) {
                    bind(notes, owner, note).add();
                } else if (!Note.kept(current, note).equals(current)) {
                    bind(handle.createUpdate(REPLACE_NOTE), owner, note).execute();
                }
            }
            for (Enrichment e : connection.addedEnrichments()) {
                enrichments.bind("connection", owner).bind("key", e.eventKey())
                        .bind("fields", StateJson.write(StateJson.strings(e.enrichedFields())))
                        .bind("status", e.status()).bind("provider", e.provider())
                        .bind("completedAt", e.completedAt().toString())
                        .bind("pageKey", pageKey(e.completedAt(), e.eventKey())).add();
            }
        }
        if (notes.size() > 0) {
            notes.execute();
        }
        if (enrichments.size() > 0) {
            enrichments.execute();
        }
    }

    /** The stored versions of those of {@code ids} that the connection has. */
    static List<Note> storedNotes(Handle handle, String owner, Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(STORED_NOTES).bind("connection", owner).bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> note(rs.getString("note_id"), rs.getString("content"), rs.getString("added_at")))
                .list();
    }

    /** Those of {@code keys} whose enrichment the connection has stored. */
    static Set<String> storedEnrichments(Handle handle, String owner, Set<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return handle.createQuery(STORED_ENRICHMENTS).bind("connection", owner).bindList("keys", List.copyOf(keys))
                .mapTo(String.class).collect(Collectors.toSet());
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, String owner, Note note) {
        return statement.bind("connection", owner).bind("id", note.id()).bind("content", note.content())
                .bind("addedAt", note.addedAt().toString()).bind("pageKey", pageKey(note.addedAt(), note.id()));
    }

    static Page<Note> notes(Handle handle, String owner, PageRequest page) {
        List<Row<Note>> rows = handle.createQuery(NOTES_PAGE).bind("connection", owner)
                .bind("after", Keyset.after(page.after())).bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new Row<>(rs.getString("page_key"),
                        note(rs.getString("note_id"), rs.getString("content"), rs.getString("added_at"))))
                .list();
        return Keyset.page(rows, page.limit(), Row::pageKey, Row::member);
    }

    static Page<Enrichment> enrichments(Handle handle, String owner, PageRequest page) {
        List<Row<Enrichment>> rows = handle.createQuery(ENRICHMENTS_PAGE).bind("connection", owner)
                .bind("after", Keyset.after(page.after())).bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new Row<>(rs.getString("page_key"), new Enrichment(rs.getString("event_key"),
                        StateJson.strings(StateJson.read(rs.getString("enriched_fields"))), rs.getString("status"),
                        rs.getString("provider"), Instant.parse(rs.getString("completed_at")))))
                .list();
        return Keyset.page(rows, page.limit(), Row::pageKey, Row::member);
    }

    private static Note note(String id, String content, String addedAt) {
        return new Note(id, content, Instant.parse(addedAt));
    }

    /**
     * The order of a connection's members: the time, as digits of a fixed width (which compare
     * alike in every collation), then the member's own id.
     */
    static String pageKey(Instant at, String id) {
        return String.format("%020d.%09d ", at.getEpochSecond(), at.getNano()) + id;
    }

    private record Row<M>(String pageKey, M member) {
    }
}
