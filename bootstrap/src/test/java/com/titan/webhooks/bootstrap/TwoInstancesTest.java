package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL database, each with its own worker, fed one shuffled
 * stream with retries spread across both: the aggregates end exactly as a single instance leaves
 * them after an in-order run, and every event is stored and applied once.
 */
class TwoInstancesTest {

    private static final long SEED = 42_2026L;
    private static final int CONNECTIONS = 4;
    private static final int CARDS = 2;
    private static final int EVENTS = 240;

    @Test
    void twoWorkersOnOnePostgres_endAsOneInOrderRun() throws Exception {
        Random random = new Random(SEED);
        List<Delivery> events = stream(random);

        try (TestDatabase shared = TestDatabase.postgres(); TestDatabase reference = TestDatabase.postgres();
             RunningService first = RunningService.start(shared);
             RunningService second = RunningService.start(shared);
             RunningService single = RunningService.start(reference)) {

            List<Delivery> delivered = new ArrayList<>(events);
            for (int i = 0; i < EVENTS / 3; i++) {
                delivered.add(events.get(random.nextInt(events.size())));
            }
            Collections.shuffle(delivered, random);
            ExecutorService senders = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < delivered.size(); i++) {
                    RunningService target = i % 2 == 0 ? first : second;
                    Delivery delivery = delivered.get(i);
                    answers.add(senders.submit(() -> target.deliver(Source.TITANCARD, delivery.body()).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    int status = answer.get();
                    assertEquals(true, status == 202 || status == 200, "answered " + status);
                }
            } finally {
                senders.shutdownNow();
            }

            List<Delivery> inOrder = new ArrayList<>(events);
            inOrder.sort(Comparator.comparing(Delivery::timestamp).thenComparing(Delivery::key));
            for (Delivery delivery : inOrder) {
                assertEquals(202, single.deliver(Source.TITANCARD, delivery.body()).statusCode());
            }

            StoreQueries sharedRows = new StoreQueries(shared);
            StoreQueries referenceRows = new StoreQueries(reference);
            Eventually.await("both stores to apply every event", Duration.ofSeconds(30), () ->
                    sharedRows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == EVENTS
                            && referenceRows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == EVENTS);
            assertEquals(EVENTS, sharedRows.count("SELECT COUNT(*) FROM inbox_events"), "each event stored once");

            for (int c = 0; c < CONNECTIONS; c++) {
                ConnectionId id = new ConnectionId("conn-" + c);
                Connection expected = single.store().connections().find(id).orElseThrow();
                assertEquals(expected, first.store().connections().find(id).orElseThrow(), "connection " + id.value());
            }
            for (int c = 0; c < CARDS; c++) {
                CardId id = new CardId("card-" + c);
                Card expected = single.store().cards().find(id).orElseThrow();
                assertEquals(expected, first.store().cards().find(id).orElseThrow(), "card " + id.value());
            }
        }
    }

    private record Delivery(long timestamp, String key, byte[] body) {
    }

    /** A seeded stream of TitanCard events over a few connections and cards, with timestamp ties. */
    private static List<Delivery> stream(Random random) {
        String[] statuses = {"new", "contacted", "qualified", "lost"};
        String[] tags = {"[\"vip\"]", "[\"conference\",\"product\"]", "[]"};
        List<Delivery> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            long timestamp = 1_705_420_800_000L + random.nextInt(60);
            String json;
            if (random.nextInt(4) == 0) {
                String card = "card-" + random.nextInt(CARDS);
                json = "{\"event\":\"card.viewed\",\"timestamp\":" + timestamp + ",\"data\":{\"card_id\":\"" + card
                        + "\",\"view_source\":\"qr\",\"total_views\":" + random.nextInt(1000) + ",\"n\":" + i + "}}";
            } else {
                String id = "conn-" + random.nextInt(CONNECTIONS);
                json = switch (random.nextInt(6)) {
                    case 0 -> "{\"event\":\"connection.created\",\"timestamp\":" + timestamp + ",\"data\":{\"id\":\"" + id
                            + "\",\"full_name\":\"Person " + i + "\",\"status\":\"new\",\"tags\":" + tags[random.nextInt(3)] + "}}";
                    case 1 -> "{\"event\":\"connection.updated\",\"timestamp\":" + timestamp + ",\"data\":{\"id\":\"" + id
                            + "\",\"title\":\"Title " + i + "\",\"status\":\"" + statuses[random.nextInt(4)] + "\"}}";
                    case 2 -> "{\"event\":\"connection.status_changed\",\"timestamp\":" + timestamp + ",\"data\":{\"id\":\""
                            + id + "\",\"new_status\":\"" + statuses[random.nextInt(4)] + "\",\"n\":" + i + "}}";
                    case 3 -> "{\"event\":\"connection.tagged\",\"timestamp\":" + timestamp + ",\"data\":{\"id\":\"" + id
                            + "\",\"tags\":" + tags[random.nextInt(3)] + ",\"n\":" + i + "}}";
                    case 4 -> "{\"event\":\"connection.deleted\",\"timestamp\":" + timestamp + ",\"data\":{\"id\":\"" + id
                            + "\",\"n\":" + i + "}}";
                    default -> "{\"event\":\"note.added\",\"timestamp\":" + timestamp + ",\"data\":{\"id\":\"note-" + i
                            + "\",\"connection_id\":\"" + id + "\",\"note_content\":\"note " + i + "\"}}";
                };
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            events.add(new Delivery(timestamp, IdempotencyKey.ofTitanCardBody(body).value(), body));
        }
        // every connection and card must exist in the reference run
        for (int c = 0; c < CONNECTIONS; c++) {
            byte[] body = ("{\"event\":\"connection.created\",\"timestamp\":1705420700000,\"data\":{\"id\":\"conn-" + c
                    + "\",\"full_name\":\"Seed " + c + "\"}}").getBytes(StandardCharsets.UTF_8);
            events.set(c, new Delivery(1_705_420_700_000L, IdempotencyKey.ofTitanCardBody(body).value(), body));
        }
        for (int c = 0; c < CARDS; c++) {
            byte[] body = ("{\"event\":\"card.created\",\"timestamp\":1705420700000,\"data\":{\"card_id\":\"card-" + c
                    + "\",\"name\":\"Card " + c + "\"}}").getBytes(StandardCharsets.UTF_8);
            events.set(CONNECTIONS + c, new Delivery(1_705_420_700_000L, IdempotencyKey.ofTitanCardBody(body).value(), body));
        }
        return events;
    }
}
