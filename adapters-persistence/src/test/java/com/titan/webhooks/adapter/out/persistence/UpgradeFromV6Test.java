package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactLink;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store that the release before V7 migrated (V1 to V6, and rows written as that release wrote
 * them: tags and phones in '|a|b|' columns, state as text) upgrades to the current schema, and
 * every row survives: the tags and phones are in their link tables, found by a filter, and the
 * state is read and written again.
 */
class UpgradeFromV6Test {

    static Stream<Supplier<TestDatabase>> stores() {
        return Stream.of(TestDatabase::sqlite, TestDatabase::postgres);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void storeAtV6_withRows_upgrades_andKeepsThem(Supplier<TestDatabase> kind) {
        try (TestDatabase store = kind.get(); Database database = Database.open(store.settings())) {
            database.migrateOnlyTo("6");
            Connection tagged = TestEvents.aConnection("old-tagged");
            // a tag far beyond what a B-tree entry takes, incompressible; and one that reads like an escaped NUL
            java.util.Random random = new java.util.Random(6);
            StringBuilder longTag = new StringBuilder("long");
            while (longTag.length() < 4_000) {
                longTag.append((char) ('!' + random.nextInt(90)));
            }
            List<String> tags = List.of("vip", "a|b", "50%_off", longTag.toString(), "back\\u0000slash");
            tagged.apply(TestEvents.tagged("old-tagged", TestEvents.stamp(9_000), tags));
            // a value holding NUL is stored escaped in the state's text; JSONB refuses the escape
            tagged.apply(TestEvents.connectionUpdated("old-tagged", TestEvents.stamp(9_001),
                    Map.of(ConnectionField.NOTES, "a\u0000b")));
            Contact contact = TestEvents.aContact("old-contact");
            database.transactions().inTransaction(() -> database.jdbiTransactions().withHandle(handle -> {
                // the rows exactly as the release at V6 wrote them, escaped member columns included
                handle.createUpdate("""
                        INSERT INTO connections (id, version, state, status, email_norm, phone_norm, tags, deleted,
                                                 last_changed_at, changed_at)
                        VALUES ('old-tagged', 2, :state, 'new', 'jane@example.com', '15551234567',
                                '|vip|a\\!b|50%_off|', FALSE, 9001, 9001)
                        """).bind("state", ConnectionRow.from(tagged).state()).execute();
                handle.createUpdate("""
                        INSERT INTO contacts (contact_key, version, state, lead_status, email_norm, phone_norms, changed_at)
                        VALUES ('old-contact', 1, :state, 'high', 'ada@example.com', '|15551234567|4930000000|', 9000)
                        """).bind("state", ContactRow.from(contact).state()).execute();
                handle.createUpdate("""
                        INSERT INTO reminders (id, version, state, status, connection_id, scheduled_for, changed_at)
                        VALUES ('old-reminder', 1, :state, 'pending', 'old-tagged', 1705536000000, 9000)
                        """).bind("state", ReminderRow.from(TestEvents.aReminder("old-reminder", "old-tagged")).state())
                        .execute();
                handle.createUpdate("INSERT INTO cards (id, version, state, deleted, changed_at) VALUES ('old-card', 1, :state, FALSE, 9000)")
                        .bind("state", CardRow.from(TestEvents.aCard("old-card")).state()).execute();
                handle.createUpdate("INSERT INTO scoring_jobs (job_key, version, state) VALUES ('old-job', 1, :state)")
                        .bind("state", JdbiScoringJobRepository.state(TestEvents.aScoringJob("old-job"))).execute();
                return null;
            }));

            assertTrue(database.migrate() >= 2, "V7 and on applied");

            Connection upgraded = database.connections().find(new ConnectionId("old-tagged")).orElseThrow();
            assertEquals(tags, upgraded.tags(), "the text \\u0000 is not a NUL: it survives as it was");
            for (String tag : tags) {
                assertEquals(List.of("old-tagged"), taggedWith(database, tag), tag);
            }
            assertEquals(List.of(), taggedWith(database, "a"), "half of a tag");
            assertEquals(List.of(), taggedWith(database, "a\\!b"), "the old escaped form");
            String notes = upgraded.field(ConnectionField.NOTES).orElseThrow();
            assertEquals(store.isPostgres() ? "a\uFFFDb" : "a\u0000b", notes, "JSONB holds no NUL; SQLite's text does");

            List<ContactLink> links = database.contacts().linkedTo(Set.of(), Set.of("4930000000"));
            assertEquals(List.of(new ContactLink(new ContactKey("old-contact"), "high", Optional.of("ada@example.com"),
                    Set.of("15551234567", "4930000000"))), links);
            assertTrue(database.contacts().find(new ContactKey("old-contact")).isPresent());
            assertTrue(database.reminders().find(new ReminderId("old-reminder")).isPresent());
            assertTrue(database.cards().find(new com.titan.webhooks.domain.card.CardId("old-card")).isPresent());
            assertTrue(database.scoringJobs().find("old-job").isPresent());

            // written again after the upgrade: the new tags replace the old in the link table
            upgraded.apply(TestEvents.tagged("old-tagged", TestEvents.stamp(9_500), List.of("a|b", "new")));
            database.connections().save(upgraded);
            assertEquals(List.of(), taggedWith(database, "vip"));
            assertEquals(List.of("old-tagged"), taggedWith(database, "new"));
            assertEquals(List.of("a|b", "new"),
                    database.connections().find(new ConnectionId("old-tagged")).orElseThrow().tags());
            if (store.isPostgres()) {
                assertEquals("jsonb", database.jdbiTransactions().withHandle(handle -> handle.createQuery(
                        "SELECT data_type FROM information_schema.columns WHERE table_name = 'connections' AND column_name = 'state'")
                        .mapTo(String.class).one()));
            }
        }
    }

    private static List<String> taggedWith(Database database, String tag) {
        return database.connections().list(new ConnectionFilter(Optional.empty(), Optional.of(tag), Optional.empty(),
                Optional.empty(), false), PageRequest.first(50)).items().stream().map(c -> c.id().value()).toList();
    }
}
