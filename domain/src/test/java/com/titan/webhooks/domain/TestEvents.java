package com.titan.webhooks.domain;

import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardActivity;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Shared builders of domain events and aggregates for the tests of every module. */
public final class TestEvents {

    private TestEvents() {
    }

    public static Stamp stamp(long millis) {
        return new Stamp(Instant.ofEpochMilli(millis), "key-" + millis);
    }

    public static Stamp stamp(long millis, String key) {
        return new Stamp(Instant.ofEpochMilli(millis), key);
    }

    public static Map<ConnectionField, String> connectionFields(Object... pairs) {
        Map<ConnectionField, String> fields = new EnumMap<>(ConnectionField.class);
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((ConnectionField) pairs[i], (String) pairs[i + 1]);
        }
        return fields;
    }

    public static ConnectionEvent.Created connectionCreated(String id, Stamp stamp, Map<ConnectionField, String> fields,
                                                            List<String> tags) {
        return new ConnectionEvent.Created(new ConnectionId(id), stamp, fields, Optional.of(tags));
    }

    public static ConnectionEvent.Updated connectionUpdated(String id, Stamp stamp, Map<ConnectionField, String> fields) {
        return new ConnectionEvent.Updated(new ConnectionId(id), stamp, fields, Optional.empty());
    }

    public static ConnectionEvent.StatusChanged statusChanged(String id, Stamp stamp, String status) {
        return new ConnectionEvent.StatusChanged(new ConnectionId(id), stamp,
                connectionFields(ConnectionField.STATUS, status));
    }

    public static ConnectionEvent.Deleted connectionDeleted(String id, Stamp stamp) {
        return new ConnectionEvent.Deleted(new ConnectionId(id), stamp, Map.of());
    }

    public static ConnectionEvent.Tagged tagged(String id, Stamp stamp, List<String> tags) {
        return new ConnectionEvent.Tagged(new ConnectionId(id), stamp, Map.of(), tags);
    }

    public static ConnectionEvent.NoteAdded noteAdded(String id, Stamp stamp, String noteId, String content) {
        return new ConnectionEvent.NoteAdded(new ConnectionId(id), stamp, Map.of(),
                new Note(noteId, content, stamp.at()));
    }

    public static ConnectionEvent.EnrichmentCompleted enriched(String id, Stamp stamp, String provider) {
        return new ConnectionEvent.EnrichmentCompleted(new ConnectionId(id), stamp,
                new Enrichment(stamp.eventKey(), List.of("title"), "success", provider, stamp.at()));
    }

    public static CardEvent cardViewed(String id, Stamp stamp, long totalViews) {
        return new CardEvent.ActivityRecorded(new CardId(id), stamp, Map.of(CardField.SLUG, "john-smith"),
                new CardActivity(CardActivity.Kind.VIEW, "qr", "United States", "San Francisco", stamp.at(),
                        stamp.eventKey()), OptionalLong.of(totalViews), OptionalLong.empty());
    }

    public static CardEvent cardShared(String id, Stamp stamp, long totalViews, long totalShares) {
        return new CardEvent.ActivityRecorded(new CardId(id), stamp, Map.of(CardField.NAME, "John Smith"),
                new CardActivity(CardActivity.Kind.SHARE, "nfc", "Germany", "Berlin", stamp.at(), stamp.eventKey()),
                OptionalLong.of(totalViews), OptionalLong.of(totalShares));
    }

    public static CardEvent cardCreated(String id, Stamp stamp, String title) {
        return new CardEvent.Created(new CardId(id), stamp, Map.of(CardField.NAME, "John Smith", CardField.TITLE, title));
    }

    public static CardEvent cardDeleted(String id, Stamp stamp) {
        return new CardEvent.Deleted(new CardId(id), stamp, Map.of());
    }

    public static ReminderEvent reminder(String id, Stamp stamp, String connectionId, String status) {
        Map<ReminderField, String> fields = new EnumMap<>(ReminderField.class);
        fields.put(ReminderField.CONNECTION_ID, connectionId);
        fields.put(ReminderField.STATUS, status);
        fields.put(ReminderField.SCHEDULED_FOR, "2024-01-17T16:00:00Z");
        fields.put(ReminderField.MESSAGE, "Follow up");
        return new ReminderEvent(new ReminderId(id), stamp, fields);
    }

    public static ContactScored contactScored(String key, Stamp stamp, Map<String, String> attributes) {
        return new ContactScored(new ContactKey(key), stamp, attributes);
    }

    public static Connection aConnection(String id) {
        Connection connection = Connection.unseen(new ConnectionId(id));
        connection.apply(connectionCreated(id, stamp(1_000), connectionFields(ConnectionField.FULL_NAME, "Jane Doe",
                ConnectionField.EMAIL, "Jane@Example.com", ConnectionField.PHONE, "+1-555-123-4567",
                ConnectionField.STATUS, "new", ConnectionField.UPDATED_AT, null), List.of("conference", "product")));
        connection.apply(noteAdded(id, stamp(2_000), "n1", "Had a great call"));
        connection.apply(enriched(id, stamp(3_000), "clearbit"));
        return connection;
    }

    public static Card aCard(String id) {
        Card card = Card.unseen(new CardId(id));
        card.apply(cardCreated(id, stamp(1_000), "Engineer"));
        card.apply(cardViewed(id, stamp(2_000), 142));
        card.apply(cardShared(id, stamp(3_000), 143, 28));
        return card;
    }

    public static Reminder aReminder(String id, String connectionId) {
        Reminder reminder = Reminder.unseen(new ReminderId(id));
        reminder.apply(reminder(id, stamp(1_000), connectionId, "pending"));
        return reminder;
    }

    public static Contact aContact(String key) {
        Contact contact = Contact.unseen(new ContactKey(key));
        contact.apply(contactScored(key, stamp(1_000), Map.of("id", key, "firstName", "Ada", "email", "ada@example.com",
                "phone", "+1 (555) 123-4567", "phoneStatus", "high", "leadStatus", "high")));
        return contact;
    }

    public static ScoringJob aScoringJob(String key) {
        ScoringJob job = ScoringJob.unseen(key);
        job.apply(new ScoringJobCompleted(key, stamp(5_000), "{\"jobId\":\"" + key + "\",\"status\":\"completed\"}"));
        return job;
    }
}
