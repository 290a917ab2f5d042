package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** send, verify and replay, run in-process against a real service and store, with their error paths. */
class CommandsTest {

    @Test
    void send_everySample_isAccepted_andVisibleThroughTheApi() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            Map<String, String> env = env(service);
            for (Map.Entry<String, Source> type : Samples.EVENT_TYPES.entrySet()) {
                Result sent = run(env, "send", type.getKey());
                assertEquals(0, sent.code(), type.getKey() + ": " + sent.out() + sent.err());
                assertTrue(sent.out().startsWith("202 {\"status\":\"accepted\""), type.getKey() + ": " + sent.out());
            }
            StoreQueries rows = new StoreQueries(database);
            int samples = Samples.EVENT_TYPES.size();
            Eventually.await("all " + samples + " samples to be applied", Duration.ofSeconds(10), () ->
                    rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == samples);
            for (String path : new String[] {"/api/connections/j57xyz789ghi", "/api/cards/k57abc123def",
                    "/api/reminders/r89reminder123", "/api/contacts/tx-contact-4f1c2a"}) {
                assertEquals(200, api(service, path).statusCode(), path);
            }
            JsonNode events = ReceiveContract.json(api(service, "/api/events?limit=500"));
            assertEquals(samples, events.get("items").size());
            JsonNode connection = ReceiveContract.json(api(service, "/api/connections/j57xyz789ghi"));
            assertEquals("n12note456", connection.get("notes").get(0).get("id").asText(), "note.added is visible");
        }
    }

    /** {@code send --via amqp} publishes as a relay would: the consuming service stores and applies it. */
    @Test
    void sendViaAmqp_publishesToTheDeliveriesQueue_andTheConsumingServiceAppliesIt() {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.sqlite()) {
            String queue = broker.queue("send");
            try (RunningService service = RunningService.start(database, QueueDeliveriesTest.consuming(broker, queue))) {
                QueueDeliveriesTest.awaitConsumer(broker, queue);
                Map<String, String> env = new java.util.HashMap<>(env(service));
                env.put("AMQP_URL", broker.url());
                env.put("AMQP_DELIVERIES_QUEUE", queue);
                Result sent = run(env, "send", "note.added", "--via", "amqp", "--times", "2");
                assertEquals(0, sent.code(), sent.out() + sent.err());
                assertEquals("published 2 titancard deliveries to queue " + queue + ", confirmed by the broker",
                        sent.out().strip());
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("the relayed note applied once", Duration.ofSeconds(30), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == 1);
                assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events"), "the second is a duplicate");
                Eventually.await("both acknowledged", Duration.ofSeconds(30), () -> QueueDeliveriesTest.sum(
                        service.get("/metrics").body(), "titan_queue_deliveries_total{disposition=\"acknowledged\"") == 2.0);

                Result nowhere = run(env, "send", "note.added", "--via", "amqp", "--queue", queue + "-missing");
                assertEquals(1, nowhere.code());
                assertTrue(nowhere.err().contains("could not publish to queue " + queue + "-missing"), nowhere.err());
                Result noBroker = run(env(service), "send", "note.added", "--via", "amqp");
                assertEquals(2, noBroker.code(), noBroker.err());
                assertTrue(noBroker.err().contains("--via amqp needs AMQP_URL"), noBroker.err());
            }
        }
    }

    /**
     * Every sample sent in a row, in the README's order, end as TitanCard's documents describe the
     * story: the title updated, then tagged, its status changed, and the connection deleted; the card
     * updated, viewed, shared and deleted. Each send is stamped when it is sent, in order.
     */
    @Test
    void send_everySampleInARow_leavesTheAggregatesAsTheProvidersDescribe() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            Map<String, String> env = env(service);
            long before = System.currentTimeMillis();
            for (String type : Samples.EVENT_TYPES.keySet()) {
                Result sent = run(env, "send", type);
                assertTrue(sent.out().startsWith("202 "), type + ": " + sent.out() + sent.err());
            }
            StoreQueries rows = new StoreQueries(database);
            int samples = Samples.EVENT_TYPES.size();
            Eventually.await("all " + samples + " samples to be applied", Duration.ofSeconds(10), () ->
                    rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == samples);
            assertEquals(samples, rows.count("SELECT COUNT(DISTINCT occurred_at) FROM inbox_events WHERE occurred_at >= ?", before),
                    "each send stamped now, and differently");

            JsonNode connection = ReceiveContract.json(api(service, "/api/connections/j57xyz789ghi"));
            assertEquals("Senior Product Manager", connection.get("title").asText(), "connection.updated");
            assertEquals(List.of("vip", "conference", "product"), texts(connection.get("tags")), "connection.tagged");
            assertEquals("qualified", connection.get("status").asText(), "connection.status_changed");
            assertFalse(connection.get("deleted_at").isNull(), "connection.deleted: " + connection);
            assertEquals(1, connection.get("notes").size(), "note.added");
            assertEquals(1, connection.get("enrichments").size(), "enrichment.completed");

            JsonNode card = ReceiveContract.json(api(service, "/api/cards/k57abc123def"));
            assertEquals("Senior Software Engineer", card.get("title").asText(), "card.updated");
            assertEquals(142, card.get("total_views").asInt(), "card.viewed");
            assertEquals(28, card.get("total_shares").asInt(), "card.shared");
            assertFalse(card.get("deleted_at").isNull(), "card.deleted: " + card);

            assertEquals("due", ReceiveContract.json(api(service, "/api/reminders/r89reminder123")).get("status").asText(),
                    "reminder.due after reminder.created");
            assertEquals("high", ReceiveContract.json(api(service, "/api/contacts/tx-contact-4f1c2a")).get("lead_status")
                    .asText(), "job.contact.scored");
        }
    }

    @Test
    void send_twice_isTwoEvents_unlessTheSameBytesAreResent() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            Map<String, String> env = env(service);
            assertTrue(run(env, "send", "card.viewed").out().startsWith("202 "));
            assertTrue(run(env, "send", "card.viewed").out().startsWith("202 "), "stamped now: a new event");
            Result fixed = run(env, "send", "card.viewed", "--timestamp", "1705420800000", "--times", "2");
            assertTrue(fixed.out().lines().toList().get(1).startsWith("200 {\"status\":\"duplicate\""), fixed.out());
        }
    }

    @Test
    void send_startedBeforeTheService_waitsUntilItIsReady() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = Map.of("HTTP_PORT", String.valueOf(port),
                "TITANCARD_WEBHOOK_SECRETS", RunningService.TITANCARD_SECRET);
        java.util.concurrent.CompletableFuture<Result> sending =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> run(env, "send", "card.created"));
        Thread.sleep(700);
        assertFalse(sending.isDone(), "send waits for the service rather than failing at once");
        try (TestDatabase database = TestDatabase.sqlite();
             RunningService service = RunningService.start(database, Map.of("HTTP_PORT", String.valueOf(port)))) {
            Result sent = sending.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, sent.code(), sent.out() + sent.err());
            assertTrue(sent.out().startsWith("202 "), sent.out());
        }
    }

    @Test
    void send_withOverridesTimesAndAWrongSignature() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            Map<String, String> env = env(service);
            Result twice = run(env, "send", "connection.created", "--set", "data.id=\"cli-1\"", "--set", "data.title=CTO",
                    "--timestamp", "2026-01-16T16:00:00Z", "--times", "2");
            assertEquals(0, twice.code(), twice.err());
            String[] lines = twice.out().strip().split("\n");
            assertTrue(lines[0].startsWith("202"), twice.out());
            assertTrue(lines[1].startsWith("200 {\"status\":\"duplicate\""), twice.out());
            Eventually.await("the override to be applied", Duration.ofSeconds(10), () ->
                    api(service, "/api/connections/cli-1").statusCode() == 200);
            assertEquals("CTO", ReceiveContract.json(api(service, "/api/connections/cli-1")).get("title").asText());

            Result unique = run(env, "send", "job.contact.scored", "--unique");
            assertTrue(unique.out().startsWith("202"), unique.out());

            Result wrong = run(env, "send", "card.viewed", "--wrong-signature");
            assertEquals(1, wrong.code());
            assertTrue(wrong.out().startsWith("401 {\"error\":\"invalid_signature\"}"), wrong.out());
        }
    }

    @Test
    void send_badArguments_exit2WithOneLine(@TempDir Path folder) {
        Map<String, String> env = Map.of("TITANCARD_WEBHOOK_SECRETS", "whsec_x");
        for (String[] args : new String[][] {{"send", "card.teleported"}, {"send"}, {"send", "card.viewed", "--times", "0"},
                {"send", "card.viewed", "--set", "novalue"}, {"send", "card.viewed", "--timestamp", "soon"},
                {"send", "--file", folder.resolve("missing.json").toString(), "--provider", "titancard"},
                {"send", "job.completed"}}) {
            Result result = run(env, args);
            assertEquals(2, result.code(), String.join(" ", args) + ": " + result.err());
            assertEquals(1, result.err().strip().lines().count(), result.err());
        }
    }

    @Test
    void send_toNoService_failsNonZero_sayingWhy() {
        Map<String, String> env = Map.of("TITANCARD_WEBHOOK_SECRETS", "whsec_x");
        Result waited = run(env, "send", "card.viewed", "--url", "http://127.0.0.1:1", "--wait", "1");
        assertEquals(1, waited.code());
        assertEquals("titan-webhooks: the service at http://127.0.0.1:1 is not ready after 1 s: connection refused "
                + "(is it running, on this port?)", waited.err().strip());

        Result unwaited = run(env, "send", "card.viewed", "--url", "http://127.0.0.1:1", "--wait", "0");
        assertEquals(1, unwaited.code());
        assertEquals("titan-webhooks: cannot reach the service at http://127.0.0.1:1: connection refused "
                + "(is it running, on this port?)", unwaited.err().strip());
    }

    @Test
    void verify_saysValid_orWhyNot(@TempDir Path folder) throws Exception {
        byte[] body = Samples.body("connection.created");
        Path file = folder.resolve("body.json");
        Files.write(file, body);
        SigningSecret secret = new SigningSecret("whsec_verify");
        String card = Source.TITANCARD.signaturePolicy().sign(body, secret);
        String titanX = Source.TITANX.signaturePolicy().sign(body, secret);

        assertVerify(0, "valid", file, "titancard", "whsec_verify", card);
        assertVerify(1, "most likely a different secret", file, "titancard", "whsec_other", card);
        assertVerify(1, "titanx's signature scheme", file, "titancard", "whsec_verify", titanX);
        assertVerify(1, "not hex", file, "titanx", "whsec_verify", card.substring(7));
        assertVerify(1, "provider's prefix", file, "titancard", "whsec_verify", card.substring(7));
        assertVerify(1, "whitespace", file, "titancard", " whsec_verify ", card);

        Path withNewline = folder.resolve("newline.json");
        Files.write(withNewline, (new String(body, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        assertVerify(1, "trailing newline", withNewline, "titancard", "whsec_verify", card);

        Path pretty = folder.resolve("pretty.json");
        Files.writeString(pretty, "{\"event\": \"card.created\"}");
        String signedCompact = Source.TITANCARD.signaturePolicy().sign("{\"event\":\"card.created\"}".getBytes(StandardCharsets.UTF_8), secret);
        assertVerify(1, "re-serialised", pretty, "titancard", "whsec_verify", signedCompact);

        assertEquals(2, run(Map.of(), "verify", "--provider", "stripe", "--secret", "s", "--body", file.toString(),
                "--signature", "x").code());
        assertEquals(2, run(Map.of(), "verify", "--provider", "titanx").code());
    }

    @Test
    void replay_reappliesAStatus_againstTheConfiguredStore() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            byte[] unknown = "{\"event\":\"card.teleported\",\"timestamp\":1,\"data\":{}}".getBytes(StandardCharsets.UTF_8);
            String id = ReceiveContract.json(service.deliver(Source.TITANCARD, unknown)).get("event_id").asText();
            Map<String, String> env = Map.of("DATABASE_URL", database.settings().url());

            Result byStatus = run(env, "replay", "--status", "ignored");
            assertEquals(0, byStatus.code(), byStatus.err());
            assertTrue(byStatus.out().contains("queued 1 event(s)"), byStatus.out());
            assertEquals("ignored", new StoreQueries(database).text("SELECT status FROM inbox_events WHERE id = ?", id),
                    "still no handler: it stays ignored");

            Result one = run(env, "replay", "--event", id);
            assertTrue(one.out().contains("queued 1 event(s)"), one.out());
            Result missing = run(env, "replay", "--event", "no-such-event");
            assertEquals(1, missing.code());
            assertTrue(missing.err().startsWith("titan-webhooks: event no-such-event not found in SQLite"), missing.err());
            assertEquals(2, run(env, "replay").code());
            assertEquals(2, run(env, "replay", "--status", "malformed").code());
            assertEquals(2, run(env, "replay", "--status", "parked", "--event", id).code());
        }
    }

    @Test
    void changes_printsTheFeedAsJsonLines_resumesAfterACursor_andFollows() throws Exception {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            Map<String, String> env = new java.util.HashMap<>(env(service));
            env.put("API_TOKEN", "test-api-token");
            assertEquals(0, run(env, "send", "connection.created").code());
            assertEquals(0, run(env, "send", "card.viewed").code());
            Eventually.await("two changes", Duration.ofSeconds(10), () -> lines(run(env, "changes").out()).length == 2);

            String[] all = lines(run(env, "changes").out());
            JsonNode first = ReceiveContract.json(all[0]);
            assertEquals("connection", first.get("aggregate").asText());
            assertEquals("j57xyz789ghi", first.get("id").asText());
            String[] rest = lines(run(env, "changes", "--after", first.get("cursor").asText()).out());
            assertEquals(1, rest.length);
            assertEquals(all[1], rest[0]);
            assertEquals(1, lines(run(env, "changes", "--aggregate", "card").out()).length);

            StringWriter followed = new StringWriter();
            String last = ReceiveContract.json(all[1]).get("cursor").asText();
            Thread follower = new Thread(() -> Main.run(env, new PrintWriter(followed, true),
                    new PrintWriter(new StringWriter(), true), "changes", "--follow", "--after", last));
            follower.start();
            try {
                assertEquals(0, run(env, "send", "reminder.created").code());
                Eventually.await("the follower to print the reminder", Duration.ofSeconds(10), () ->
                        followed.toString().contains("\"aggregate\":\"reminder\""));
            } finally {
                follower.interrupt();
                follower.join(5_000);
            }

            Result refused = run(Map.of("HTTP_PORT", String.valueOf(service.port())), "changes");
            assertEquals(2, refused.code(), "no API_TOKEN");
            Result expired = run(env, "changes", "--after", "bm9wZQ");
            assertEquals(1, expired.code());
            assertTrue(expired.err().contains("400"), expired.err());
        }
    }

    private static String[] lines(String output) {
        String trimmed = output.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\n");
    }

    private static void assertVerify(int code, String expected, Path body, String provider, String secret, String signature) {
        Result result = run(Map.of(), "verify", "--provider", provider, "--secret", secret, "--body", body.toString(),
                "--signature", signature);
        assertEquals(code, result.code(), result.out() + result.err());
        assertTrue(result.out().contains(expected), "expected '" + expected + "' in:\n" + result.out());
    }

    private static Map<String, String> env(RunningService service) {
        return Map.of("HTTP_PORT", String.valueOf(service.port()),
                "TITANX_WEBHOOK_SECRETS", RunningService.TITANX_SECRET,
                "TITANCARD_WEBHOOK_SECRETS", RunningService.TITANCARD_SECRET);
    }

    private static java.net.http.HttpResponse<String> api(RunningService service, String path) {
        return service.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer test-api-token")
                .GET().build());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
