package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.reminder.Reminder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the in-memory store holds. A transaction works on a copy and the copy replaces the
 * committed state when the work returns, so a failed unit of work leaves nothing behind. Copies
 * are shallow: what the maps hold (stored events, aggregates at their stored version, changes) is
 * never changed in place, only replaced.
 */
final class StoreState {

    /** The inbox, by receipt order (the SQL stores' {@code seq}). */
    final TreeMap<Long, EventRow> events;
    /** Where each event id is in {@link #events}. */
    final Map<String, Long> seqById;
    /** Where the first event of each (source, idempotency key) is in {@link #events}. */
    final Map<String, Long> firstByKey;
    long lastSeq;

    final TreeMap<String, Stored<Connection>> connections;
    final TreeMap<String, Stored<Card>> cards;
    final TreeMap<String, Stored<Reminder>> reminders;
    final TreeMap<String, Stored<Contact>> contacts;
    final TreeMap<String, Stored<ScoringJob>> scoringJobs;
    /** The aggregates stored as documents, by kind and id ({@link #memberKey}). */
    final TreeMap<String, Stored<InMemoryAggregateDocuments.Row>> documents;
    /** Connections' notes, by connection id and note id ({@link #memberKey}). */
    final TreeMap<String, Note> notes;
    /** Connections' enrichments, by connection id and event key. */
    final TreeMap<String, Enrichment> enrichments;

    final TreeMap<Long, Change> changes;
    long lastPosition;
    long prunedPosition;

    StoreState() {
        this(new TreeMap<>(), new HashMap<>(), new HashMap<>(), 0, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0, 0);
    }

    private StoreState(TreeMap<Long, EventRow> events, Map<String, Long> seqById, Map<String, Long> firstByKey,
                       long lastSeq,
                       TreeMap<String, Stored<Connection>> connections, TreeMap<String, Stored<Card>> cards,
                       TreeMap<String, Stored<Reminder>> reminders, TreeMap<String, Stored<Contact>> contacts,
                       TreeMap<String, Stored<ScoringJob>> scoringJobs,
                       TreeMap<String, Stored<InMemoryAggregateDocuments.Row>> documents, TreeMap<String, Note> notes,
                       TreeMap<String, Enrichment> enrichments, TreeMap<Long, Change> changes,
                       long lastPosition, long prunedPosition) {
        this.events = events;
        this.seqById = seqById;
        this.firstByKey = firstByKey;
        this.lastSeq = lastSeq;
        this.connections = connections;
        this.cards = cards;
        this.reminders = reminders;
        this.contacts = contacts;
        this.scoringJobs = scoringJobs;
        this.documents = documents;
        this.notes = notes;
        this.enrichments = enrichments;
        this.changes = changes;
        this.lastPosition = lastPosition;
        this.prunedPosition = prunedPosition;
    }

    StoreState copy() {
        return new StoreState(new TreeMap<>(events), new HashMap<>(seqById), new HashMap<>(firstByKey), lastSeq, new TreeMap<>(connections),
                new TreeMap<>(cards), new TreeMap<>(reminders), new TreeMap<>(contacts), new TreeMap<>(scoringJobs),
                new TreeMap<>(documents), new TreeMap<>(notes), new TreeMap<>(enrichments), new TreeMap<>(changes), lastPosition, prunedPosition);
    }

    /** The inbox entry of the event {@code id}, if stored. */
    Optional<EventRow> event(EventId id) {
        return Optional.ofNullable(seqById.get(id.value())).map(events::get);
    }

    /** The key of a connection's note or enrichment (the connection's, then the member's own), or of a document (kind, id). */
    static String memberKey(String connectionId, String memberId) {
        return connectionId + "\u0000" + memberId;
    }

    /**
     * An aggregate as stored, at its stored version, and when a change record last marked it
     * changed (null before any: the SQL stores' {@code changed_at}, which {@code updated_since}
     * filters on).
     */
    record Stored<A>(A aggregate, Instant changedAt) {

        Stored<A> changed(Instant at) {
            return new Stored<>(aggregate, at);
        }
    }
}
