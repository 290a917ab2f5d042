package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Authentic deliveries with odd values in every field of every sample (null, missing, the wrong
 * type, a fraction, a huge number, 5,000 characters, NUL, emoji, a lone surrogate, blank), in a seeded random order,
 * then ordinary deliveries. Whatever the odd ones do, none may be answered 5xx, none may stay
 * unapplied, and the ordinary ones must be applied right after: what cannot be applied is parked
 * with its reason and counted. Prints its seed; {@code -DoddValues.seed=N} replays a run.
 */
abstract class OddValuesContract extends RunningServiceContract {

    // non-ASCII written as JSON escapes, so that a lone surrogate reaches the service as JSON sends it
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Function<Random, JsonNode>> ODD_VALUES = oddValues();
    private static final List<String> ID_FIELDS = List.of("id", "connection_id", "card_id", "jobId");

    private final AtomicLong unique = new AtomicLong();

    /** One delivery sent by the test, and what was odd about it. */
    private record Sent(Source source, String type, String field, String oddity, byte[] body) {
    }

    @Test
    void oddValuesInEveryField_areAnsweredAndSettled_andTheLineKeepsMoving() throws Exception {
        long seed = Long.getLong("oddValues.seed", System.nanoTime());
        System.out.println("OddValuesContract seed " + seed + " (replay: -DoddValues.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Sent> odd = oddDeliveries(random);
        Collections.shuffle(odd, random);

        List<String> serverErrors = new ArrayList<>();
        for (Map.Entry<Sent, HttpResponse<String>> answer : sendAll(odd).entrySet()) {
            if (answer.getValue().statusCode() >= 500) {
                Sent sent = answer.getKey();
                serverErrors.add(sent.type() + " " + sent.field() + "=" + sent.oddity() + " -> "
                        + answer.getValue().statusCode() + " " + answer.getValue().body());
            }
        }
        assertEquals(List.of(), serverErrors, "an authentic delivery was answered 5xx (seed " + seed + ")");

        // then one ordinary delivery of every type: applied within seconds, whatever came before
        List<String> ordinaryIds = new ArrayList<>();
        for (String type : Samples.EVENT_TYPES.keySet()) {
            Source source = Samples.EVENT_TYPES.get(type);
            ObjectNode body = uniquified(type, random);
            HttpResponse<String> answer = service.deliver(source, JSON.writeValueAsBytes(body));
            assertEquals(202, answer.statusCode(), type + ": " + answer.body());
            ordinaryIds.add(eventId(answer.body()));
        }
        Eventually.await("every ordinary delivery applied (seed " + seed + ")", Duration.ofSeconds(30),
                () -> ordinaryIds.stream().allMatch(id -> "processed".equals(
                        rows.text("SELECT status FROM inbox_events WHERE id = ?", id))));

        Eventually.await("no event left received or failed (seed " + seed + ")", Duration.ofSeconds(90),
                () -> rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0);
        assertEquals(0, rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'parked'"
                + " AND (last_error IS NULL OR last_error = '')"), "a parked event without its reason");
        long parked = rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'parked'");
        Eventually.await("/metrics counts the parked events", Duration.ofSeconds(10),
                () -> parkedInMetrics() == parked);
        System.out.println("OddValuesContract: " + odd.size() + " odd deliveries, " + serverErrors.size()
                + " answered 5xx, " + parked + " parked with a reason, "
                + rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") + " processed, "
                + rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'malformed'") + " malformed");
    }

    private List<Sent> oddDeliveries(Random random) {
        List<Sent> deliveries = new ArrayList<>();
        for (Map.Entry<String, Source> entry : Samples.EVENT_TYPES.entrySet()) {
            String type = entry.getKey();
            Source source = entry.getValue();
            String container = source == Source.TITANX ? "payload" : "data";
            ObjectNode sample = uniquified(type, random);
            List<String> fields = new ArrayList<>();
            sample.fieldNames().forEachRemaining(name -> fields.add("$." + name));
            sample.get(container).fieldNames().forEachRemaining(name -> fields.add(name));
            for (String field : fields) {
                for (Map.Entry<String, Function<Random, JsonNode>> oddity : ODD_VALUES.entrySet()) {
                    ObjectNode body = uniquified(type, random);
                    ObjectNode parent = field.startsWith("$.") ? body : (ObjectNode) body.get(container);
                    String name = field.startsWith("$.") ? field.substring(2) : field;
                    JsonNode value = oddity.getValue().apply(random);
                    if (value == null) {
                        parent.remove(name);
                    } else {
                        parent.set(name, value);
                    }
                    deliveries.add(new Sent(source, type, field, oddity.getKey(), bytes(body)));
                }
            }
        }
        return deliveries;
    }

    /** The sample of {@code type} with ids and timestamp of its own, so that each delivery is a new event. */
    private ObjectNode uniquified(String type, Random random) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Samples.body(type));
            long n = unique.incrementAndGet();
            ObjectNode payload = (ObjectNode) (body.has("data") ? body.get("data") : body.get("payload"));
            for (String field : ID_FIELDS) {
                if (payload.has(field)) {
                    payload.put(field, "odd-" + n + "-" + field);
                }
            }
            if (body.has("id")) {
                body.put("id", "odd-envelope-" + n + "-" + random.nextInt(1_000_000));
            }
            body.put("timestamp", 1_705_420_800_000L + n);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Sent, HttpResponse<String>> sendAll(List<Sent> deliveries) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Sent sent : deliveries) {
                answers.add(senders.submit(() -> service.deliver(sent.source(), sent.body())));
            }
            Map<Sent, HttpResponse<String>> byDelivery = new java.util.LinkedHashMap<>();
            Iterator<Sent> sent = deliveries.iterator();
            for (Future<HttpResponse<String>> answer : answers) {
                byDelivery.put(sent.next(), answer.get());
            }
            return byDelivery;
        } finally {
            senders.shutdownNow();
        }
    }

    private long parkedInMetrics() {
        String metrics = service.get("/metrics").body();
        Matcher parked = Pattern.compile("(?m)^titan_inbox_events\\{status=\"parked\"\\} (\\S+)$").matcher(metrics);
        return parked.find() ? (long) Double.parseDouble(parked.group(1)) : -1;
    }

    private static String eventId(String answer) {
        Matcher id = Pattern.compile("\"event_id\":\"([^\"]+)\"").matcher(answer);
        assertTrue(id.find(), answer);
        return id.group(1);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each odd value by name; null means "leave the field out". */
    private static Map<String, Function<Random, JsonNode>> oddValues() {
        Map<String, Function<Random, JsonNode>> values = new java.util.LinkedHashMap<>();
        values.put("null", random -> NODES.nullNode());
        values.put("missing", random -> null);
        values.put("object", random -> NODES.objectNode().put("nested", random.nextInt()));
        values.put("array", random -> NODES.arrayNode().add(1).add("two"));
        values.put("true", random -> NODES.booleanNode(true));
        values.put("1.5", random -> NODES.numberNode(1.5));
        values.put("huge", random -> NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
        values.put("negative", random -> NODES.numberNode(-1L - random.nextInt(1_000)));
        values.put("5000 characters", random -> NODES.textNode("x".repeat(4_990) + random.nextInt(1_000_000)));
        values.put("NUL", random -> NODES.textNode("a\u0000b" + random.nextInt(1_000)));
        values.put("emoji", random -> NODES.textNode("\uD83D\uDE00\uD83C\uDF89" + random.nextInt(1_000)));
        values.put("lone surrogate", random -> NODES.textNode("x" + (random.nextBoolean() ? "\uD800" : "\uDBFF")
                + random.nextInt(1_000)));
        values.put("blank", random -> NODES.textNode(""));
        values.put("spaces", random -> NODES.textNode("   "));
        return Collections.unmodifiableMap(values);
    }
}
