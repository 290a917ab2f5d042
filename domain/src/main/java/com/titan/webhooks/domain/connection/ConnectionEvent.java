package com.titan.webhooks.domain.connection;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Phase;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TitanCard events that change a connection. Every one carries some of the connection's
 * fields ({@code fields}, absent means untouched, a null value means cleared), so that an event
 * arriving before {@code connection.created} still creates a useful connection.
 */
public sealed interface ConnectionEvent extends ProviderEvent {

    ConnectionId connectionId();

    Map<ConnectionField, String> fields();

    /**
     * This event's own rule on {@code connection}, beyond merging its fields: abstract, so that a
     * new event record without a rule does not compile. Called by {@link Connection#apply}, which
     * checks the id and the connection's bounds around it; call that instead.
     */
    void applyTo(Connection connection);

    /** {@code connection.created}: the full connection. */
    record Created(ConnectionId connectionId, Stamp stamp, Map<ConnectionField, String> fields,
                   Optional<List<String>> tags) implements ConnectionEvent {
        public Created {
            stamp = Require.nonNull(stamp, "stamp").in(Phase.CREATION);
            fields = ConnectionEvents.copy(fields);
            tags = tags.map(List::copyOf);
        }

        @Override
        public void applyTo(Connection connection) {
            connection.created(stamp);
            tags.ifPresent(list -> connection.mergeTags(list, stamp));
        }
    }

    /** {@code connection.updated}: the fields it carries. */
    record Updated(ConnectionId connectionId, Stamp stamp, Map<ConnectionField, String> fields,
                   Optional<List<String>> tags) implements ConnectionEvent {
        public Updated {
            fields = ConnectionEvents.copy(fields);
            tags = tags.map(List::copyOf);
        }

        @Override
        public void applyTo(Connection connection) {
            tags.ifPresent(list -> connection.mergeTags(list, stamp));
        }
    }

    /** {@code connection.deleted}: archived or deleted for good; a tombstone at its stamp. */
    record Deleted(ConnectionId connectionId, Stamp stamp, Map<ConnectionField, String> fields)
            implements ConnectionEvent {
        public Deleted {
            stamp = Require.nonNull(stamp, "stamp").in(Phase.DELETION);
            fields = ConnectionEvents.copy(fields);
        }

        @Override
        public void applyTo(Connection connection) {
            connection.deleted(stamp);
        }
    }

    /** {@code connection.tagged}: the complete tag list after the change. */
    record Tagged(ConnectionId connectionId, Stamp stamp, Map<ConnectionField, String> fields,
                  List<String> tags) implements ConnectionEvent {
        public Tagged {
            fields = ConnectionEvents.copy(fields);
            tags = List.copyOf(tags);
        }

        @Override
        public void applyTo(Connection connection) {
            connection.mergeTags(tags, stamp);
        }
    }

    /** {@code connection.status_changed}: the new pipeline status, in {@code fields}. */
    record StatusChanged(ConnectionId connectionId, Stamp stamp, Map<ConnectionField, String> fields)
            implements ConnectionEvent {
        public StatusChanged {
            fields = ConnectionEvents.copy(fields);
        }

        /** The new status is one of its fields, merged like any other: no rule of its own. */
        @Override
        public void applyTo(Connection connection) {
        }
    }

    /** {@code note.added}. */
    record NoteAdded(ConnectionId connectionId, Stamp stamp, Map<ConnectionField, String> fields, Note note)
            implements ConnectionEvent {
        public NoteAdded {
            fields = ConnectionEvents.copy(fields);
        }

        @Override
        public void applyTo(Connection connection) {
            connection.addNote(note);
        }
    }

    /** {@code enrichment.completed}. */
    record EnrichmentCompleted(ConnectionId connectionId, Stamp stamp, Enrichment enrichment)
            implements ConnectionEvent {
        @Override
        public Map<ConnectionField, String> fields() {
            return Map.of();
        }


        @Override
        public void applyTo(Connection connection) {
            connection.addEnrichment(enrichment);
        }
    }
}
