package com.titan.webhooks.domain.property;

import com.titan.webhooks.domain.card.CardActivity;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Seeded generators of event histories for one aggregate. Timestamps come from a small range so
 * that ties (broken by the event key) are frequent; values from small pools so that events
 * overwrite each other often.
 */
final class HistoryGenerator {

    private static final String[] WORDS = {"new", "contacted", "qualified", "lost", "Jane", "CTO", null};
    private static final String[] TAGS = {"vip", "conference", "product", "follow-up"};

    private final Random random;
    private int sequence;

    HistoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<ConnectionEvent> connectionHistory(String id) {
        ConnectionId connection = new ConnectionId(id);
        List<ConnectionEvent> events = new ArrayList<>();
        int size = 1 + random.nextInt(8);
        for (int i = 0; i < size; i++) {
            Stamp stamp = nextStamp();
            switch (random.nextInt(7)) {
                case 0 -> events.add(new ConnectionEvent.Created(connection, stamp, fields(), Optional.of(tags())));
                case 1 -> events.add(new ConnectionEvent.Updated(connection, stamp, fields(),
                        random.nextBoolean() ? Optional.of(tags()) : Optional.empty()));
                case 2 -> events.add(new ConnectionEvent.Deleted(connection, stamp, Map.of()));
                case 3 -> events.add(new ConnectionEvent.Tagged(connection, stamp, Map.of(), tags()));
                case 4 -> events.add(new ConnectionEvent.StatusChanged(connection, stamp,
                        Map.of(ConnectionField.STATUS, pick(WORDS, "new"))));
                case 5 -> events.add(new ConnectionEvent.NoteAdded(connection, stamp, Map.of(),
                        new Note("n" + random.nextInt(3), pick(WORDS, "text"), stamp.at())));
                default -> events.add(new ConnectionEvent.EnrichmentCompleted(connection, stamp,
                        new Enrichment(stamp.eventKey(), List.of("title"), "success", pick(WORDS, "clearbit"), stamp.at())));
            }
        }
        return events;
    }

    List<CardEvent> cardHistory(String id) {
        CardId card = new CardId(id);
        List<CardEvent> events = new ArrayList<>();
        int size = 1 + random.nextInt(8);
        for (int i = 0; i < size; i++) {
            Stamp stamp = nextStamp();
            Map<CardField, String> fields = new EnumMap<>(CardField.class);
            fields.put(CardField.TITLE, pick(WORDS, "Engineer"));
            switch (random.nextInt(4)) {
                case 0 -> events.add(new CardEvent.Created(card, stamp, fields));
                case 1 -> events.add(new CardEvent.Updated(card, stamp, fields));
                case 2 -> events.add(new CardEvent.Deleted(card, stamp, Map.of()));
                default -> events.add(new CardEvent.ActivityRecorded(card, stamp, Map.of(), new CardActivity(
                        random.nextBoolean() ? CardActivity.Kind.VIEW : CardActivity.Kind.SHARE, "qr", "US", "SF",
                        stamp.at(), stamp.eventKey()), OptionalLong.of(random.nextInt(500)),
                        random.nextBoolean() ? OptionalLong.of(random.nextInt(50)) : OptionalLong.empty()));
            }
        }
        return events;
    }

    List<ReminderEvent> reminderHistory(String id) {
        List<ReminderEvent> events = new ArrayList<>();
        int size = 1 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
            Map<ReminderField, String> fields = new EnumMap<>(ReminderField.class);
            fields.put(ReminderField.STATUS, random.nextBoolean() ? "pending" : "due");
            if (random.nextBoolean()) {
                fields.put(ReminderField.MESSAGE, pick(WORDS, "Follow up"));
            }
            events.add(new ReminderEvent(new ReminderId(id), nextStamp(), fields));
        }
        return events;
    }

    List<ContactScored> contactHistory(String key) {
        List<ContactScored> events = new ArrayList<>();
        int size = 1 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put("id", key);
            for (String name : new String[] {"leadStatus", "phoneStatus", "title", "phone2Status"}) {
                if (random.nextBoolean()) {
                    attributes.put(name, pick(WORDS, "high"));
                }
            }
            events.add(new ContactScored(new ContactKey(key), nextStamp(), attributes));
        }
        return events;
    }

    /** Shuffles a copy and repeats some events, as retries do. */
    <E> List<E> shuffledWithDuplicates(List<E> events) {
        List<E> delivered = new ArrayList<>(events);
        int duplicates = random.nextInt(events.size() + 1);
        for (int i = 0; i < duplicates; i++) {
            delivered.add(events.get(random.nextInt(events.size())));
        }
        java.util.Collections.shuffle(delivered, random);
        return delivered;
    }

    private Stamp nextStamp() {
        // keys are unique per event; timestamps collide often
        return new Stamp(Instant.ofEpochMilli(1_705_420_800_000L + random.nextInt(5)), "e" + (sequence++) + "-" + random.nextInt(1000));
    }

    private Map<ConnectionField, String> fields() {
        Map<ConnectionField, String> fields = new EnumMap<>(ConnectionField.class);
        ConnectionField[] all = {ConnectionField.STATUS, ConnectionField.TITLE, ConnectionField.FULL_NAME,
                ConnectionField.EMAIL};
        for (ConnectionField field : all) {
            if (random.nextBoolean()) {
                fields.put(field, pick(WORDS, null));
            }
        }
        return fields;
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextBoolean()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private String pick(String[] pool, String instead) {
        String value = pool[random.nextInt(pool.length)];
        return value == null ? instead : value;
    }
}
