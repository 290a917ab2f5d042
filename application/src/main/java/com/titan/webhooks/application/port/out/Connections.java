package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Outbound port: the connections, loaded and saved whole but for their notes and enrichments, which
 * a save appends (each once, a note kept as {@link Note} says) and which are read a page at a time.
 */
public interface Connections extends AggregateStore<ConnectionId, Connection> {

    /**
     * The links of the connections whose email is one of {@code emails} or whose phone digits are
     * one of {@code phones} (normalised as {@code LinkKeys} does), in one round trip, without
     * loading the connections themselves.
     */
    List<ConnectionLink> linkedTo(Set<String> emails, Set<String> phones);

    /**
     * Inside a transaction, waits for and holds the row locks of these connections until it ends
     * (where the store has row locks; a store with one writer needs none).
     */
    void lock(Collection<ConnectionId> ids);

    /** The stored versions of those of {@code noteIds} that one connection has, in one round trip. */
    List<Note> storedNotes(ConnectionId id, Set<String> noteIds);

    /** Those of {@code eventKeys} whose enrichment one connection has stored, in one round trip. */
    Set<String> storedEnrichments(ConnectionId id, Set<String> eventKeys);

    /** A connection's notes in the order they were added (then by id), from the page's cursor on. */
    Page<Note> notes(ConnectionId id, PageRequest page);

    /** A connection's enrichments by completion time (then event key), from the page's cursor on. */
    Page<Enrichment> enrichments(ConnectionId id, PageRequest page);

    /** Connections in id order, from the page's cursor on. */
    Page<Connection> list(ConnectionFilter filter, PageRequest page);
}
