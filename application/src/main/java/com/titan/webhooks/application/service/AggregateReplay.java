package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.event.TombstoneClock;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One aggregate seen field by field, by name: as stored, and rebuilt from nothing event by event
 * with the aggregate's own {@code apply}, so that provenance follows exactly the rules the
 * projection followed. A connection's tag list counts as one field, {@code tags}.
 *
 * @param source   which provider's events change this kind of aggregate
 * @param targets  whether an event changes this aggregate
 * @param apply    applies an event to the aggregate being rebuilt
 * @param rebuilt  the rebuilt aggregate's fields with the stamps that set them
 * @param stored   the stored aggregate's fields and lifecycle; empty when it is not stored
 */
record AggregateReplay(Source source, Predicate<ProviderEvent> targets, Consumer<ProviderEvent> apply,
                       Supplier<Map<String, Stamped<String>>> rebuilt, Supplier<Optional<Stored>> stored) {

    static final String TAGS = "tags";

    record Stored(Map<String, Stamped<String>> fields, TombstoneClock lifecycle) {
    }

    static AggregateReplay connection(Connections store, ConnectionId id) {
        Connection rebuilding = Connection.unseen(id);
        return new AggregateReplay(Source.TITANCARD,
                event -> event instanceof ConnectionEvent change && change.connectionId().equals(id),
                event -> rebuilding.apply((ConnectionEvent) event), () -> withTags(rebuilding),
                () -> store.find(id).map(connection -> new Stored(withTags(connection), connection.lifecycle())));
    }

    static AggregateReplay card(Cards store, CardId id) {
        Card rebuilding = Card.unseen(id);
        return new AggregateReplay(Source.TITANCARD, event -> event instanceof CardEvent change && change.cardId().equals(id),
                event -> rebuilding.apply((CardEvent) event), () -> byName(rebuilding.fields(), f -> f.wireName()),
                () -> store.find(id).map(card -> new Stored(byName(card.fields(), f -> f.wireName()), card.lifecycle())));
    }

    static AggregateReplay reminder(Reminders store, ReminderId id) {
        Reminder rebuilding = Reminder.unseen(id);
        return new AggregateReplay(Source.TITANCARD,
                event -> event instanceof ReminderEvent change && change.reminderId().equals(id),
                event -> rebuilding.apply((ReminderEvent) event), () -> byName(rebuilding.fields(), f -> f.wireName()),
                () -> store.find(id).map(reminder -> new Stored(byName(reminder.fields(), f -> f.wireName()),
                        TombstoneClock.NEVER_SEEN)));
    }

    static AggregateReplay contact(Contacts store, ContactKey key) {
        Contact rebuilding = Contact.unseen(key);
        return new AggregateReplay(Source.TITANX, event -> event instanceof ContactScored scored && scored.key().equals(key),
                event -> rebuilding.apply((ContactScored) event), rebuilding::attributes,
                () -> store.find(key).map(contact -> new Stored(contact.attributes(), TombstoneClock.NEVER_SEEN)));
    }

    /** The fields an event carries, by the names above; a null value clears the field. Empty for other events. */
    static Map<String, String> carried(ProviderEvent event) {
        if (event instanceof ConnectionEvent change) {
            Map<String, String> carried = byName(change.fields(), f -> f.wireName());
            Optional<List<String>> tags = change instanceof ConnectionEvent.Created created ? created.tags()
                    : change instanceof ConnectionEvent.Updated updated ? updated.tags()
                    : change instanceof ConnectionEvent.Tagged tagged ? Optional.of(tagged.tags()) : Optional.empty();
            tags.ifPresent(list -> carried.put(TAGS, String.join(", ", list)));
            return carried;
        } else if (event instanceof CardEvent change) {
            return byName(change.fields(), f -> f.wireName());
        } else if (event instanceof ReminderEvent change) {
            return byName(change.fields(), f -> f.wireName());
        } else if (event instanceof ContactScored scored) {
            return new HashMap<>(scored.attributes());
        }
        return Map.of();
    }

    private static Map<String, Stamped<String>> withTags(Connection connection) {
        Map<String, Stamped<String>> fields = byName(connection.fields(), f -> f.wireName());
        connection.stampedTags().ifPresent(tags -> fields.put(TAGS,
                new Stamped<>(String.join(", ", tags.value()), tags.stamp())));
        return fields;
    }

    private static <K, V> Map<String, V> byName(Map<K, V> fields, Function<K, String> name) {
        Map<String, V> named = new HashMap<>();
        fields.forEach((field, value) -> named.put(name.apply(field), value));
        return named;
    }
}
