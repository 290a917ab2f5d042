package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract of the aggregate repositories and the unit of work: an aggregate comes back equal
 * to what was saved, a save based on a stale version is refused, and a failed unit of work leaves
 * nothing behind. One subclass per store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoriesContract {

    private TestDatabase store;
    private Database database;

    abstract TestDatabase createStore();

    @BeforeAll
    void openStore() {
        store = createStore();
        database = store.openMigrated();
    }

    @AfterAll
    void dropStore() {
        if (database != null) {
            database.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void connection_savedThenFound_isEqualWithItsNextVersion() {
        String id = unique();
        Connection connection = TestEvents.aConnection(id);
        database.connections().save(connection);

        Connection found = database.connections().find(new ConnectionId(id)).orElseThrow();

        assertEquals(connection, found);
        assertEquals(1, found.version());
        assertEquals(Optional.empty(), found.field(ConnectionField.UPDATED_AT), "an explicit null stays null");
        found.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_000), "qualified"));
        database.connections().save(found);
        Connection updated = database.connections().find(new ConnectionId(id)).orElseThrow();
        assertEquals(Optional.of("qualified"), updated.field(ConnectionField.STATUS));
        assertEquals(2, updated.version());
    }

    @Test
    void connection_savedFromAStaleVersion_isRefused() {
        String id = unique();
        database.connections().save(TestEvents.aConnection(id));
        Connection first = database.connections().find(new ConnectionId(id)).orElseThrow();
        Connection second = database.connections().find(new ConnectionId(id)).orElseThrow();
        first.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_000), "qualified"));
        database.connections().save(first);

        second.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_001), "lost"));
        assertThrows(ConcurrentUpdateException.class, () -> database.connections().save(second));
    }

    @Test
    void connection_createdTwiceConcurrently_isRefusedTheSecondTime() {
        String id = unique();
        database.connections().save(TestEvents.aConnection(id));
        assertThrows(ConcurrentUpdateException.class, () -> database.connections().save(TestEvents.aConnection(id)));
    }

    @Test
    void card_savedThenFound_isEqual() {
        String id = unique();
        Card card = TestEvents.aCard(id);
        database.cards().save(card);
        assertEquals(card, database.cards().find(new CardId(id)).orElseThrow());
    }

    @Test
    void reminder_savedThenFound_isEqual() {
        String id = unique();
        Reminder reminder = TestEvents.aReminder(id, "j57xyz789ghi");
        database.reminders().save(reminder);
        assertEquals(reminder, database.reminders().find(new ReminderId(id)).orElseThrow());
    }

    @Test
    void contact_savedThenFound_isEqual() {
        String key = unique();
        Contact contact = TestEvents.aContact(key);
        database.contacts().save(contact);
        assertEquals(contact, database.contacts().find(new ContactKey(key)).orElseThrow());
    }

    @Test
    void scoringJob_savedThenFound_isEqual() {
        String key = unique();
        ScoringJob job = TestEvents.aScoringJob(key);
        database.scoringJobs().save(job);
        assertEquals(job, database.scoringJobs().find(key).orElseThrow());
    }

    @Test
    void unknownIds_areNotFound() {
        assertTrue(database.connections().find(new ConnectionId(unique())).isEmpty());
        assertTrue(database.cards().find(new CardId(unique())).isEmpty());
        assertTrue(database.scoringJobs().find(unique()).isEmpty());
    }

    @Test
    void unitOfWork_thatThrows_leavesNothingBehind() {
        String id = unique();
        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            database.connections().save(TestEvents.aConnection(id));
            database.cards().save(TestEvents.aCard(id));
            throw new IllegalStateException("the work fails after two saves");
        }));
        assertTrue(database.connections().find(new ConnectionId(id)).isEmpty());
        assertTrue(database.cards().find(new CardId(id)).isEmpty());
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
