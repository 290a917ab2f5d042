package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.connection.Connection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Fills every table a list query reads, on PostgreSQL, with {@code rows} rows each, in a few
 * set-based statements ({@code generate_series}), then has the planner's statistics gathered:
 * what the list queries' plans and latencies are measured on. Every row's state is a real
 * aggregate's, so that a page is read and mapped as the service does it.
 */
final class ListedTables {

    /**
     * The times rows are stamped with: from {@code BASE} on, 10 ms apart; an aggregate's in no
     * relation to its key (as a provider's ids are), an event's in the order of receipt.
     */
    static final long BASE = 1_700_000_000_000L;
    // the last of each is one row in a hundred (the rest share the others): a filter on a rare value is
    // where an index beats walking the key order, and where the plan test expects the filter's index
    static final List<String> STATUSES = List.of("new", "contacted", "qualified", "archived");
    static final List<String> REMINDER_STATUSES = List.of("pending", "done", "cancelled");
    static final List<String> LEAD_STATUSES = List.of("low", "medium", "high", "hot");

    private static final int CHUNK = 100_000;
    private static final Connection CONNECTION = tagged();
    private static final String SNAPSHOT_CONNECTION =
            ChangeSnapshots.write(new ConnectionDetails(CONNECTION, List.of(), Optional.empty()));
    private static final String SNAPSHOT_CARD = ChangeSnapshots.write(new CardSnapshot(TestEvents.aCard("template")));
    private static final String SNAPSHOT_REMINDER =
            ChangeSnapshots.write(new ReminderSnapshot(TestEvents.aReminder("template", "c00000001")));
    private static final String SNAPSHOT_CONTACT = ChangeSnapshots.write(new ContactSnapshot(TestEvents.aContact("template")));

    private ListedTables() {
    }

    private static Connection tagged() {
        Connection connection = TestEvents.aConnection("template");
        connection.apply(TestEvents.tagged("template", TestEvents.stamp(2_000), List.of("tag1", "group2")));
        return connection;
    }

    /** The key of row {@code i} of a table whose keys start with {@code prefix}, as the seed writes it. */
    static String key(String prefix, long i) {
        return prefix + String.format("%08d", i);
    }

    static void seed(Database database, int rows) {
        String connectionState = ConnectionRow.from(CONNECTION).state();
        String cardState = CardRow.from(TestEvents.aCard("template")).state();
        String reminderState = ReminderRow.from(TestEvents.aReminder("template", "c00000001")).state();
        String contactState = ContactRow.from(TestEvents.aContact("template")).state();
        database.jdbiTransactions().withHandle(handle -> {
            run(handle, rows, """
                    INSERT INTO connections (id, version, state, status, email_norm, phone_norm, deleted, last_changed_at,
                                             changed_at, tags)
                    SELECT 'c' || lpad(i::text, 8, '0'), 1, CAST(:state AS jsonb), CASE WHEN i % 100 = 0 THEN 'archived' ELSE (:statuses)[1 + i % 3] END,
                           'user' || i || '@example.com', '1555' || lpad(i::text, 7, '0'), i % 50 = 0, :base + i * 10,
                           :base + ((i::bigint * 7919) % :rows) * 10, ''
                    FROM generate_series(:from, :to) AS i
                    """, connectionState);
            run(handle, rows, """
                    INSERT INTO connection_tags (tag, connection_id)
                    SELECT 'tag' || (i % 20), 'c' || lpad(i::text, 8, '0') FROM generate_series(:from, :to) AS i
                    UNION ALL
                    SELECT 'group' || (i % 7), 'c' || lpad(i::text, 8, '0') FROM generate_series(:from, :to) AS i
                    """, null);
            run(handle, rows, """
                    INSERT INTO cards (id, version, state, deleted, changed_at)
                    SELECT 'k' || lpad(i::text, 8, '0'), 1, CAST(:state AS jsonb), i % 50 = 0, :base + ((i::bigint * 7919) % :rows) * 10
                    FROM generate_series(:from, :to) AS i
                    """, cardState);
            // about three reminders per connection, due at times unrelated to their ids
            run(handle, rows, """
                    INSERT INTO reminders (id, version, state, status, connection_id, scheduled_for, changed_at)
                    SELECT 'r' || lpad(i::text, 8, '0'), 1, CAST(:state AS jsonb), CASE WHEN i % 100 = 0 THEN 'cancelled' ELSE (:reminderStatuses)[1 + i % 2] END,
                           'c' || lpad((1 + i % greatest(:rows / 3, 1))::text, 8, '0'),
                           :base + ((i::bigint * 7919) % :rows) * 60000, :base + ((i::bigint * 104729) % :rows) * 10
                    FROM generate_series(:from, :to) AS i
                    """, reminderState);
            run(handle, rows, """
                    INSERT INTO contacts (contact_key, version, state, lead_status, email_norm, changed_at, phone_norms)
                    SELECT 'p' || lpad(i::text, 8, '0'), 1, CAST(:state AS jsonb), CASE WHEN i % 100 = 0 THEN 'hot' ELSE (:leadStatuses)[1 + i % 3] END,
                           'lead' || i || '@example.com', :base + ((i::bigint * 7919) % :rows) * 10, ''
                    FROM generate_series(:from, :to) AS i
                    """, contactState);
            run(handle, rows, """
                    INSERT INTO contact_phones (digits, contact_key)
                    SELECT '1666' || lpad(i::text, 7, '0'), 'p' || lpad(i::text, 8, '0') FROM generate_series(:from, :to) AS i
                    """, null);
            // most events applied; one in a hundred parked, from TitanX, of type card.deleted
            run(handle, rows, """
                    INSERT INTO inbox_events (id, source, event_type, idempotency_key, occurred_at, received_at, raw_body,
                                              headers, status, attempts, next_attempt_at)
                    SELECT CAST(CAST(md5(i::text) AS uuid) AS text), CASE WHEN i % 100 = 0 THEN 'titanx' ELSE 'titancard' END,
                           CASE WHEN i % 100 = 3 THEN 'card.deleted' ELSE 'type' || (i % 16) END, 'key-' || i, :base + i * 10, :base + i * 10,
                           convert_to('{"n":' || i || '}', 'UTF8'), '{}',
                           CASE WHEN i % 100 = 0 THEN 'parked' WHEN i % 1000 = 1 THEN 'ignored' ELSE 'processed' END,
                           1, :base + i * 10
                    FROM generate_series(:from, :to) AS i
                    """, null);
            run(handle, rows, """
                    INSERT INTO changes (position, aggregate, aggregate_id, kind, event_id, committed_at, after_state)
                    SELECT i, (:types)[1 + i % 4], (:prefixes)[1 + i % 4] || lpad((i / 4)::text, 8, '0'), 'upsert',
                           CAST(CAST(md5(i::text) AS uuid) AS text), :base + i * 10,
                           CASE i % 4 WHEN 0 THEN :connection WHEN 1 THEN :card WHEN 2 THEN :reminder ELSE :contact END
                    FROM generate_series(:from, :to) AS i
                    """, null);
            handle.createUpdate("UPDATE change_positions SET last = :rows WHERE id = 1").bind("rows", rows).execute();
            handle.execute("ANALYZE");
            return null;
        });
    }

    /** Runs {@code sql} for rows 1 to {@code rows}, a chunk at a time: each statement stays well within a socket timeout. */
    private static void run(Handle handle, int rows, String sql, String state) {
        for (int from = 1; from <= rows; from += CHUNK) {
            runChunk(handle, rows, from, Math.min(rows, from + CHUNK - 1), sql, state);
        }
    }

    private static void runChunk(Handle handle, int rows, int from, int to, String sql, String state) {
        var update = handle.createUpdate(sql).bind("rows", rows).bind("from", from).bind("to", to).bind("base", BASE);
        if (sql.contains(":types")) {
            update.bindArray("types", String.class, List.of(AggregateType.CONNECTION.wireName(),
                    AggregateType.CARD.wireName(), AggregateType.REMINDER.wireName(), AggregateType.CONTACT.wireName()));
            update.bindArray("prefixes", String.class, List.of("c", "k", "r", "p"));
        }
        if (sql.contains(":connection")) {
            update.bind("connection", SNAPSHOT_CONNECTION).bind("card", SNAPSHOT_CARD).bind("reminder", SNAPSHOT_REMINDER)
                    .bind("contact", SNAPSHOT_CONTACT);
        }
        if (sql.contains(":state")) {
            update.bind("state", state);
        }
        if (sql.contains(":statuses")) {
            update.bindArray("statuses", String.class, STATUSES);
        }
        if (sql.contains(":reminderStatuses")) {
            update.bindArray("reminderStatuses", String.class, REMINDER_STATUSES);
        }
        if (sql.contains(":leadStatuses")) {
            update.bindArray("leadStatuses", String.class, LEAD_STATUSES);
        }
        update.execute();
    }
}
