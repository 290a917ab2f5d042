package com.titan.webhooks.domain.connection;

import static com.titan.webhooks.domain.TestEvents.connectionCreated;
import static com.titan.webhooks.domain.TestEvents.connectionDeleted;
import static com.titan.webhooks.domain.TestEvents.connectionFields;
import static com.titan.webhooks.domain.TestEvents.connectionUpdated;
import static com.titan.webhooks.domain.TestEvents.noteAdded;
import static com.titan.webhooks.domain.TestEvents.stamp;
import static com.titan.webhooks.domain.TestEvents.statusChanged;
import static com.titan.webhooks.domain.TestEvents.tagged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.domain.event.AggregateSize;
import com.titan.webhooks.domain.LimitReachedException;
import com.titan.webhooks.domain.event.TombstoneClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private static final String ID = "j57xyz789ghi";

    private static Connection fresh() {
        return Connection.unseen(new ConnectionId(ID));
    }

    @Test
    void newerStatusChange_survivesAnOlderUpdate_whoseOtherFieldsStillApply() {
        Connection connection = fresh();
        connection.apply(statusChanged(ID, stamp(4), "qualified"));
        connection.apply(connectionUpdated(ID, stamp(3),
                connectionFields(ConnectionField.STATUS, "contacted", ConnectionField.TITLE, "Senior PM")));

        assertEquals(Optional.of("qualified"), connection.field(ConnectionField.STATUS));
        assertEquals(Optional.of("Senior PM"), connection.field(ConnectionField.TITLE));
    }

    @Test
    void equalTimestamps_areBrokenByTheEventKey_inEitherOrder() {
        ConnectionEvent a = statusChanged(ID, stamp(5, "aaa"), "contacted");
        ConnectionEvent b = statusChanged(ID, stamp(5, "bbb"), "qualified");
        Connection ab = fresh();
        ab.apply(a);
        ab.apply(b);
        Connection ba = fresh();
        ba.apply(b);
        ba.apply(a);

        assertEquals(Optional.of("qualified"), ab.field(ConnectionField.STATUS));
        assertEquals(ab, ba);
    }

    @Test
    void olderEvent_afterDeletion_doesNotResurrect() {
        Connection connection = fresh();
        connection.apply(connectionCreated(ID, stamp(1), connectionFields(ConnectionField.FULL_NAME, "Jane"), List.of()));
        connection.apply(connectionDeleted(ID, stamp(10)));
        connection.apply(connectionUpdated(ID, stamp(5), connectionFields(ConnectionField.TITLE, "CTO")));
        connection.apply(connectionCreated(ID, stamp(2), connectionFields(ConnectionField.FULL_NAME, "Jane"), List.of()));

        assertTrue(connection.isDeleted());
        assertEquals(Optional.of(Instant.ofEpochMilli(10)), connection.deletedAt());
    }

    @Test
    void newerCreation_afterDeletion_resurrects() {
        Connection connection = fresh();
        connection.apply(connectionDeleted(ID, stamp(10)));
        connection.apply(connectionCreated(ID, stamp(11), connectionFields(ConnectionField.FULL_NAME, "Jane"), List.of()));

        assertFalse(connection.isDeleted());
        assertEquals(Optional.empty(), connection.deletedAt());
    }

    @Test
    void eventsBeforeCreation_createTheConnection_andCreationFillsTheRest() {
        Connection connection = fresh();
        connection.apply(tagged(ID, stamp(5), List.of("vip")));
        connection.apply(noteAdded(ID, stamp(6), "n1", "call went well"));
        assertEquals(List.of("vip"), connection.tags());

        connection.apply(connectionCreated(ID, stamp(1), connectionFields(ConnectionField.FULL_NAME, "Jane Doe",
                ConnectionField.EMAIL, "jane@example.com"), List.of("conference")));

        assertEquals(List.of("vip"), connection.tags(), "the later tag list stays");
        assertEquals(Optional.of("Jane Doe"), connection.field(ConnectionField.FULL_NAME));
        assertEquals(1, connection.addedNotes().size());
        assertFalse(connection.isDeleted());
    }

    @Test
    void applyingAnEventTwice_changesNothing() {
        Connection once = fresh();
        Connection twice = fresh();
        ConnectionEvent event = connectionCreated(ID, stamp(1), connectionFields(ConnectionField.FULL_NAME, "Jane"),
                List.of("a"));
        ConnectionEvent note = noteAdded(ID, stamp(2), "n1", "hello");
        once.apply(event);
        once.apply(note);
        twice.apply(event);
        twice.apply(note);
        twice.apply(event);
        twice.apply(note);

        assertEquals(once, twice);
    }

    @Test
    void explicitNull_clearsAField() {
        Connection connection = fresh();
        connection.apply(connectionUpdated(ID, stamp(1), connectionFields(ConnectionField.TITLE, "CTO")));
        connection.apply(connectionUpdated(ID, stamp(2), connectionFields(ConnectionField.TITLE, null)));
        assertEquals(Optional.empty(), connection.field(ConnectionField.TITLE));
    }

    @Test
    void eventForAnotherConnection_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> fresh().apply(statusChanged("other", stamp(1), "new")));
    }

    @Test
    void aReloadedConnection_holdsOnlyWhatItsEventsAdd_andKnowsWhenTheLastNoteCame() {
        Connection built = fresh();
        built.apply(noteAdded(ID, stamp(1_000), "n1", "first"));
        built.apply(noteAdded(ID, stamp(3_000), "n2", "second"));
        Connection reloaded = Connection.reconstitute(new ConnectionId(ID), built.fields(), null, built.annotatedAt().orElseThrow(),
                built.lifecycle(), 1);

        assertEquals(List.of(), reloaded.addedNotes(), "its stored notes stay in its store");
        assertEquals(built.lastChangedAt(), reloaded.lastChangedAt());
        reloaded.apply(noteAdded(ID, stamp(2_000), "n3", "third, older"));
        assertEquals(List.of("n3"), reloaded.addedNotes().stream().map(Note::id).toList());
        assertEquals(Instant.ofEpochMilli(3_000), reloaded.annotatedAt().orElseThrow(), "an older note moves nothing back");
    }

    @Test
    void additionsItsStoreKeepsAlready_areForgotten_soThatApplyingANoteAgainIsNoChange() {
        Connection stored = Connection.reconstitute(new ConnectionId(ID), Map.of(), null, Instant.ofEpochMilli(3_000),
                TombstoneClock.NEVER_SEEN, 1);
        Connection connection = stored.copy();
        connection.apply(noteAdded(ID, stamp(2_000), "n1", "hello"));
        connection.apply(noteAdded(ID, stamp(1_000), "n2", "older than the stored n2"));
        connection.apply(noteAdded(ID, stamp(3_000), "n3", "new"));

        connection.settleAdditions(List.of(new Note("n1", "hello", Instant.ofEpochMilli(2_000)),
                new Note("n2", "stored", Instant.ofEpochMilli(2_500))), Set.of());

        assertEquals(List.of("n3"), connection.addedNotes().stream().map(Note::id).toList());
        connection.settleAdditions(List.of(new Note("n3", "new", Instant.ofEpochMilli(3_000))), Set.of());
        assertEquals(stored, connection, "nothing left to save");
    }

    @Test
    void textBeyondTheSizeBound_isRefused_whateverCarriesIt() {
        Connection connection = fresh();
        String large = "x".repeat(400_000);
        connection.apply(noteAdded(ID, stamp(1_000), "a", large));
        connection.apply(noteAdded(ID, stamp(1_001), "b", large));
        assertThrows(LimitReachedException.class, () -> connection.apply(noteAdded(ID, stamp(1_002), "c", large)));
        // an item counted as one but a megabyte long: an enrichment's provider
        Connection enriched = fresh();
        for (int i = 0; i < 2; i++) {
            enriched.apply(new ConnectionEvent.EnrichmentCompleted(new ConnectionId(ID), stamp(2_000 + i),
                    new Enrichment("e" + i, List.of(), "done", large, Instant.ofEpochSecond(i))));
        }
        assertThrows(LimitReachedException.class, () -> enriched.apply(new ConnectionEvent.EnrichmentCompleted(
                new ConnectionId(ID), stamp(3_000), new Enrichment("e9", List.of(), "done", large, Instant.EPOCH))));
        assertTrue(enriched.characters() > AggregateSize.MAX_CHARACTERS / 2, "the two that fit were kept");
    }
}
