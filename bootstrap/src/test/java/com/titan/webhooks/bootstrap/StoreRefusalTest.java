package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store refuses to save one aggregate (a trigger), or cannot read one back (its stored state
 * is damaged): the events that need it are retried and then parked with the reason, and every
 * other event, in the same batches and after them, is applied. Nothing stays unapplied.
 */
class StoreRefusalTest {

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("SQLite", (Supplier<TestDatabase>) TestDatabase::sqlite),
                Arguments.of("PostgreSQL", (Supplier<TestDatabase>) TestDatabase::postgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aggregateTheStoreRefusesOrCannotRead_isParked_andEveryOtherEventApplied(String name,
                                                                                Supplier<TestDatabase> store) {
        try (TestDatabase database = store.get();
             RunningService service = RunningService.start(database, Map.of("PROJECTION_MAX_ATTEMPTS", "2"))) {
            StoreQueries rows = new StoreQueries(database);
            String damaged = "damaged-" + name;
            assertEquals(202, service.deliver(Source.TITANCARD, connection("connection.created", damaged, 1)).statusCode());
            Eventually.await("the connection to be stored", Duration.ofSeconds(10),
                    () -> rows.count("SELECT COUNT(*) FROM connections WHERE id = ?", damaged) == 1);
            // JSON (PostgreSQL's JSONB column takes nothing else), but not a connection's
            rows.execute("UPDATE connections SET state = '{\"not\": \"a connection\"}' WHERE id = '" + damaged + "'");
            rows.execute(database.isPostgres() ? POSTGRES_TRIGGER : SQLITE_TRIGGER);

            List<String> healthy = new ArrayList<>();
            String refused = null;
            String unreadable = null;
            for (int i = 0; i < 30; i++) {
                healthy.add(eventId(service.deliver(Source.TITANCARD, connection("connection.created", "ok-" + i, 2))));
                if (i == 10) {
                    refused = eventId(service.deliver(Source.TITANCARD, connection("connection.created", "refused-1", 2)));
                    unreadable = eventId(service.deliver(Source.TITANCARD, connection("connection.updated", damaged, 3)));
                }
            }
            Eventually.await("every healthy event applied", Duration.ofSeconds(20), () -> healthy.stream()
                    .allMatch(id -> "processed".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", id))));
            String refusedId = refused;
            String unreadableId = unreadable;
            Eventually.await("both culprits parked", Duration.ofSeconds(30), () ->
                    "parked".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", refusedId))
                    && "parked".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", unreadableId)));
            String refusal = rows.text("SELECT last_error FROM inbox_events WHERE id = ?", refusedId);
            assertTrue(refusal.contains("refused by a test trigger"), refusal);
            String unread = rows.text("SELECT last_error FROM inbox_events WHERE id = ?", unreadableId);
            assertTrue(unread.contains("the stored connection " + damaged + " cannot be read"), unread);
            assertEquals(2L, rows.count("SELECT attempts FROM inbox_events WHERE id = ?", refusedId));

            // the line still moves: an ordinary event after all this is applied, and nothing is left waiting
            String after = eventId(service.deliver(Source.TITANCARD, connection("connection.created", "after", 4)));
            Eventually.await("the next ordinary event applied", Duration.ofSeconds(10),
                    () -> "processed".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", after)));
            assertEquals(0, rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')"));
        }
    }

    private static final String POSTGRES_TRIGGER = """
            CREATE FUNCTION refuse_some() RETURNS trigger AS $$
            BEGIN
              IF NEW.id LIKE 'refused-%' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_some BEFORE INSERT OR UPDATE ON connections
              FOR EACH ROW EXECUTE FUNCTION refuse_some();
            """;
    private static final String SQLITE_TRIGGER = """
            CREATE TRIGGER refuse_some BEFORE INSERT ON connections WHEN NEW.id LIKE 'refused-%'
            BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END
            """;

    private static byte[] connection(String type, String id, long offset) {
        String json = new String(Samples.body(type), StandardCharsets.UTF_8).replace("j57xyz789ghi", id)
                .replace("1705420800000", String.valueOf(1_705_420_800_000L + offset));
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String eventId(HttpResponse<String> answer) {
        assertEquals(202, answer.statusCode(), answer.body());
        return ReceiveContract.json(answer).get("event_id").asText();
    }
}
