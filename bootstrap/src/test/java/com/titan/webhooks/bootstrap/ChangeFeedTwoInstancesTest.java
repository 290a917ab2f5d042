package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database project a shuffled stream at full speed, in small
 * batches that commit concurrently, while a reader pages through the feed with {@code wait},
 * alternating between the instances. No change is skipped or read twice, and each aggregate's
 * changes come in the order they were applied: each one starts from the state the previous one
 * left.
 */
class ChangeFeedTwoInstancesTest {

    private static final long SEED = 17_4242L;
    private static final int EVENTS = 450;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readerPagingWhileTwoInstancesProject_seesEveryChangeOnce_inTheOrderApplied() throws Exception {
        Random random = new Random(SEED);
        System.out.println("ChangeFeedTwoInstancesTest seed " + SEED);
        List<byte[]> stream = ChangeFeedApiContract.burst(random, "gap", EVENTS, 100);
        List<byte[]> delivered = new ArrayList<>(stream);
        for (int i = 0; i < EVENTS / 4; i++) {
            delivered.add(stream.get(random.nextInt(stream.size())));
        }
        Collections.shuffle(delivered, random);
        // small pools: the other PostgreSQL tests of the machine need connections too
        Map<String, String> smallBatches = Map.of("PROJECTION_BATCH_SIZE", "5", "DATABASE_POOL_SIZE", "6");

        try (TestDatabase shared = TestDatabase.postgres();
             RunningService first = RunningService.start(shared, smallBatches);
             RunningService second = RunningService.start(shared, smallBatches)) {
            StoreQueries rows = new StoreQueries(shared);
            List<FeedClient> readers = List.of(new FeedClient(first), new FeedClient(second));
            List<JsonNode> read = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean sending = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(9);
            try {
                Future<?> reader = threads.submit(() -> {
                    String cursor = readers.get(0).head();
                    for (int page = 0; ; page++) {
                        boolean last = !sending.get()
                                && rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0;
                        JsonNode answer = readers.get(page % 2).page(cursor, "limit=7&wait=1");
                        answer.get("changes").forEach(read::add);
                        cursor = answer.get("next_cursor").asText();
                        if (last && answer.get("changes").isEmpty()) {
                            return null;
                        }
                    }
                });
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < delivered.size(); i++) {
                    RunningService target = i % 2 == 0 ? first : second;
                    byte[] body = delivered.get(i);
                    answers.add(threads.submit(() -> target.deliver(Source.TITANCARD, body).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    int status = answer.get();
                    assertTrue(status == 202 || status == 200, "answered " + status);
                }
                sending.set(false);
                reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }

            long stored = rows.count("SELECT COUNT(*) FROM changes");
            System.out.println(stored + " changes from " + EVENTS + " events");
        assertTrue(stored >= EVENTS / 3, "only " + stored + " changes");
            List<Long> positions = read.stream().map(c -> position(c.get("cursor").asText())).toList();
            List<Long> expected = new ArrayList<>();
            for (long p = 1; p <= stored; p++) {
                expected.add(p);
            }
            assertEquals(expected, positions, "every stored change read once, in position order");
            assertEquals(stored, rows.count("SELECT MAX(position) FROM changes"), "positions without gaps");

            // each aggregate's changes are a chain: every one starts from the state the previous one left
            Map<String, JsonNode> lastAfter = new HashMap<>();
            for (List<String> row : rows.rows("SELECT aggregate, aggregate_id, before_state, after_state FROM changes "
                    + "ORDER BY position")) {
                String key = row.get(0) + "/" + row.get(1);
                JsonNode before = row.get(2) == null ? null : JSON.readTree(row.get(2));
                assertEquals(lastAfter.get(key), before, "the change of " + key + " follows the previous one");
                lastAfter.put(key, JSON.readTree(row.get(3)));
            }
            Map<String, JsonNode> lastRead = new HashMap<>();
            read.forEach(change -> lastRead.put(change.get("aggregate").asText() + "/" + change.get("id").asText(),
                    change.get("state")));
            FeedClient client = readers.get(0);
            lastRead.forEach((key, state) -> {
                String[] parts = key.split("/");
                String route = parts[0].equals("connection") ? "/api/connections/" : "/api/cards/";
                assertEquals(client.json(route + parts[1]), state, "the last change of " + key + " is its state now");
            });
            Eventually.await("every event applied", Duration.ofSeconds(5), () ->
                    rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == EVENTS);
        }
    }

    private static long position(String cursor) {
        return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
    }
}
