package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Sync into your own system" consumer, run as written (the Python block is read from
 * the README itself) against the service while a shuffled burst arrives, stopped and restarted in
 * the middle: its local copy ends equal to {@code GET /api/connections}.
 */
class SyncWalkthroughTest {

    private static final long SEED = 17_1717L;
    private static final Pattern CONSUMER = Pattern.compile("<!-- sync-consumer -->\\s*```python\\n(.*?)```",
            Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readmeConsumer_keepsALocalCopyEqualToTheApi_acrossARestart(@TempDir Path folder) throws Exception {
        Matcher block = CONSUMER.matcher(Files.readString(Path.of("..", "README.md")));
        assertTrue(block.find(), "the README has the consumer block");
        Path script = Files.writeString(folder.resolve("sync.py"), block.group(1));
        Random random = new Random(SEED);
        System.out.println("SyncWalkthroughTest seed " + SEED);
        List<byte[]> burst = ChangeFeedApiContract.burst(random, "sync", 90);
        Collections.shuffle(burst, random);

        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            FeedClient api = new FeedClient(service);
            Process consumer = start(script, folder, service);
            try {
                burst.subList(0, 30).forEach(body -> assertEquals(202, service.deliver(Source.TITANCARD, body).statusCode()));
                Eventually.await("the consumer to save a cursor", Duration.ofSeconds(20), () ->
                        Files.exists(folder.resolve("cursor.txt")));
                consumer.destroy();
                consumer.waitFor();
                burst.subList(30, 60).forEach(body -> assertEquals(202, service.deliver(Source.TITANCARD, body).statusCode()));
                consumer = start(script, folder, service);
                burst.subList(60, 90).forEach(body -> assertEquals(202, service.deliver(Source.TITANCARD, body).statusCode()));
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("every event applied", Duration.ofSeconds(20), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0);
                JsonNode listed = api.json("/api/connections?limit=500");
                // the consumer saves its copy after each page it is answered
                Eventually.await("the consumer's copy to equal the API", Duration.ofSeconds(30), () ->
                        copyOf(listed).equals(read(folder.resolve("connections.json"))));
                assertTrue(listed.get("items").size() >= 2, "the burst leaves connections to compare: " + listed);
            } finally {
                consumer.destroy();
                consumer.waitFor();
            }
        }
    }

    private static Process start(Path script, Path folder, RunningService service) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString()).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("sync.log").toFile());
        builder.environment().put("API_TOKEN", FeedClient.TOKEN);
        builder.environment().put("TITAN_URL", "http://127.0.0.1:" + service.port());
        return builder.start();
    }

    /**
     * The listed connections, each as the copy holds it: the list's fields (the copy also has
     * reminders, lead_status, and the notes and enrichments its changes added).
     */
    private static Map<String, JsonNode> copyOf(JsonNode listed) {
        Map<String, JsonNode> expected = new TreeMap<>();
        listed.get("items").forEach(item -> expected.put(item.get("id").asText(), item));
        return expected;
    }

    /** The consumer's copy, cut down to the fields of the list, or an empty map if it cannot be read yet. */
    private static Map<String, JsonNode> read(Path file) {
        Map<String, JsonNode> copy = new TreeMap<>();
        try {
            JSON.readTree(file.toFile()).fields().forEachRemaining(entry -> {
                ObjectNode listFields = (ObjectNode) entry.getValue().deepCopy();
                // what only the connection's own route shows: the list leaves out its notes and enrichments too
                listFields.remove(List.of("reminders", "lead_status", "notes", "notes_next_cursor", "enrichments",
                        "enrichments_next_cursor"));
                copy.put(entry.getKey(), listFields);
            });
        } catch (IOException notYet) {
            return Map.of();
        }
        return copy;
    }
}
