package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every list query of the store, with and without each of its filters, on the first page and on
 * one from the middle of the table (a keyset cursor), with filter values that match the rows
 * {@link ListedTables} writes: what the plan test checks and the benchmark measures.
 */
final class ListQueries {

    /**
     * One list query: {@code query} builds its SQL as the repository does, {@code run} calls the
     * port's list method, both for a page request.
     */
    record Variant(String name, String index, String keyPrefix, Function<PageRequest, ListQuery> query,
                   Function<PageRequest, ?> run) {

        @Override
        public String toString() {
            return name;
        }

        /** The first page, and one that starts halfway through the table (rows are keyed prefix + number). */
        List<PageRequest> pages(int rows) {
            String middle = keyPrefix.isEmpty() ? String.valueOf(rows / 2) : ListedTables.key(keyPrefix, rows / 2);
            return List.of(PageRequest.first(PageRequest.DEFAULT_LIMIT), new PageRequest(Optional.of(Base64.getUrlEncoder()
                    .withoutPadding().encodeToString(middle.getBytes(StandardCharsets.UTF_8))), PageRequest.DEFAULT_LIMIT));
        }
    }

    private ListQueries() {
    }

    static List<Variant> all(Database database, int rows) {
        // one row in a thousand changed since
        Instant recent = Instant.ofEpochMilli(ListedTables.BASE + rows * 10L * 999 / 1000);
        Instant dueEarly = Instant.ofEpochMilli(ListedTables.BASE + rows * 60_000L / 100);
        String someEmail = "user" + rows / 3 + "@example.com";
        String someConnection = ListedTables.key("c", rows / 5);
        List<Variant> variants = new ArrayList<>();

        List<ConnectionFilter> connections = List.of(
                new ConnectionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false),
                new ConnectionFilter(Optional.of("archived"), Optional.empty(), Optional.empty(), Optional.empty(), false),
                new ConnectionFilter(Optional.empty(), Optional.of("tag7"), Optional.empty(), Optional.empty(), false),
                new ConnectionFilter(Optional.empty(), Optional.empty(), Optional.of(someEmail), Optional.empty(), false),
                new ConnectionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(recent), false),
                new ConnectionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true),
                new ConnectionFilter(Optional.of("new"), Optional.of("tag4"), Optional.empty(), Optional.of(recent), false));
        List<String> connectionNames = List.of("connections", "connections status", "connections tag",
                "connections email", "connections updated_since", "connections include_deleted",
                "connections status+tag+updated_since");
        // the index each one's plan must use: dropping it fails ListQueryPlansTest
        List<String> connectionIndexes = List.of("connections_pkey", "connections_status_id", "connection_tags_tag",
                "connections_email_id", "connections_changed_at", "connections_pkey", "connections_changed_at");
        for (int i = 0; i < connections.size(); i++) {
            ConnectionFilter filter = connections.get(i);
            variants.add(new Variant(connectionNames.get(i), connectionIndexes.get(i), "c",
                    page -> JdbiConnectionRepository.listQuery(filter, page),
                    page -> database.connections().list(filter, page)));
        }

        List<CardFilter> cards = List.of(new CardFilter(false, Optional.empty()), new CardFilter(false, Optional.of(recent)),
                new CardFilter(true, Optional.empty()));
        List<String> cardNames = List.of("cards", "cards updated_since", "cards include_deleted");
        // the index each one's plan must use: dropping it fails ListQueryPlansTest
        List<String> cardIndexes = List.of("cards_pkey", "cards_changed_at", "cards_pkey");
        for (int i = 0; i < cards.size(); i++) {
            CardFilter filter = cards.get(i);
            variants.add(new Variant(cardNames.get(i), cardIndexes.get(i), "k",
                    page -> JdbiCardRepository.listQuery(filter, page),
                    page -> database.cards().list(filter, page)));
        }

        List<ReminderFilter> reminders = List.of(
                new ReminderFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                new ReminderFilter(Optional.of("cancelled"), Optional.empty(), Optional.empty(), Optional.empty()),
                new ReminderFilter(Optional.empty(), Optional.of(dueEarly), Optional.empty(), Optional.empty()),
                new ReminderFilter(Optional.empty(), Optional.empty(), Optional.of(someConnection), Optional.empty()),
                new ReminderFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(recent)),
                new ReminderFilter(Optional.of("cancelled"), Optional.of(dueEarly), Optional.empty(), Optional.empty()));
        List<String> reminderNames = List.of("reminders", "reminders status", "reminders due_before",
                "reminders connection_id", "reminders updated_since", "reminders status+due_before");
        // the index each one's plan must use: dropping it fails ListQueryPlansTest
        List<String> reminderIndexes = List.of("reminders_pkey", "reminders_status_id", "reminders_due",
                "reminders_connection_id", "reminders_changed_at", "reminders_status_id");
        for (int i = 0; i < reminders.size(); i++) {
            ReminderFilter filter = reminders.get(i);
            variants.add(new Variant(reminderNames.get(i), reminderIndexes.get(i), "r",
                    page -> JdbiReminderRepository.listQuery(filter, page),
                    page -> database.reminders().list(filter, page)));
        }

        List<ContactFilter> contacts = List.of(new ContactFilter(Optional.empty(), Optional.empty(), Optional.empty()),
                new ContactFilter(Optional.of("hot"), Optional.empty(), Optional.empty()),
                new ContactFilter(Optional.empty(), Optional.of("lead" + rows / 3 + "@example.com"), Optional.empty()),
                new ContactFilter(Optional.empty(), Optional.empty(), Optional.of(recent)));
        List<String> contactNames = List.of("contacts", "contacts lead_status", "contacts email", "contacts updated_since");
        // the index each one's plan must use: dropping it fails ListQueryPlansTest
        List<String> contactIndexes = List.of("contacts_pkey", "contacts_lead_status_key", "contacts_email_key",
                "contacts_changed_at");
        for (int i = 0; i < contacts.size(); i++) {
            ContactFilter filter = contacts.get(i);
            variants.add(new Variant(contactNames.get(i), contactIndexes.get(i), "p",
                    page -> JdbiContactRepository.listQuery(filter, page),
                    page -> database.contacts().list(filter, page)));
        }

        List<EventFilter> events = List.of(EventFilter.ANY,
                new EventFilter(Optional.of(Source.TITANX), Optional.empty(), Optional.empty(), Optional.empty()),
                new EventFilter(Optional.empty(), Optional.of("card.deleted"), Optional.empty(), Optional.empty()),
                new EventFilter(Optional.empty(), Optional.empty(), Optional.of(ProcessingStatus.PARKED), Optional.empty()),
                new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(recent)));
        List<String> eventNames = List.of("events", "events source", "events type", "events status", "events since");
        // the index each one's plan must use: dropping it fails ListQueryPlansTest
        List<String> eventIndexes = List.of("inbox_events_pkey", "inbox_events_source_seq", "inbox_events_type_seq",
                "inbox_events_status", "inbox_events_received");
        for (int i = 0; i < events.size(); i++) {
            EventFilter filter = events.get(i);
            variants.add(new Variant(eventNames.get(i), eventIndexes.get(i), "",
                    page -> JdbiStoredEvents.listQuery(filter, page),
                    page -> database.storedEvents().list(filter, page)));
        }

        record Changes(String name, String index, Set<AggregateType> types, Optional<String> aggregateId) {
        }
        for (Changes changes : List.of(new Changes("changes", "changes_pkey", Set.of(), Optional.empty()),
                new Changes("changes type", "changes_pkey", Set.of(AggregateType.CARD), Optional.empty()),
                new Changes("changes type+aggregate_id", "changes_aggregate", Set.of(AggregateType.CARD),
                        Optional.of(ListedTables.key("k", rows / 8))))) {
            variants.add(new Variant(changes.name(), changes.index(), "",
                    page -> JdbiChangeFeed.sizesQuery(position(page), changes.types(), changes.aggregateId(), page.limit()),
                    page -> database.changes().after(position(page), changes.types(), changes.aggregateId(), page.limit())));
        }
        return variants;
    }

    /** The change feed pages by position, not by cursor: the position the page's cursor names. */
    private static long position(PageRequest page) {
        return Keyset.afterNumber(page.after());
    }
}
