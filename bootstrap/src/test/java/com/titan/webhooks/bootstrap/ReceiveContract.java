package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.titan.webhooks.domain.delivery.Source;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The receiving status contract, end to end: the real server on a free port, real HTTP in, and
 * the database's rows and the HTTP answer out. One subclass per store.
 */
abstract class ReceiveContract extends RunningServiceContract {

    static final ObjectMapper JSON = new ObjectMapper();

    /** SQL that makes every insert into the inbox fail, and SQL that undoes it. */
    abstract String[] breakInserts();

    abstract String[] repairInserts();

    @Test
    void unconfiguredProvider_is503SourceNotConfigured_andStoresNothing() throws Exception {
        try (RunningService unconfigured = RunningService.start(database,
                Map.of("TITANX_WEBHOOK_SECRETS", "", "TITANCARD_WEBHOOK_SECRETS", ""))) {
            long before = inboxRows();
            HttpResponse<String> response = unconfigured.deliver(Source.TITANX, titanX(UUID.randomUUID().toString(), "v2"));
            assertEquals(503, response.statusCode());
            assertEquals("source_not_configured", json(response).get("error").asText());
            assertTrue(response.headers().firstValue("Retry-After").isPresent());
            assertEquals(before, inboxRows());
        }
    }

    @Test
    void bodyOverTheLimit_is413_whetherDeclaredOrChunked() {
        byte[] huge = paddedCardBody(RunningService.MAX_BODY_BYTES + 1);
        long before = inboxRows();

        HttpResponse<String> declared = service.deliver(Source.TITANCARD, huge);
        assertEquals(413, declared.statusCode());
        assertEquals("payload_too_large", json(declared).get("error").asText());

        HttpRequest chunked = HttpRequest.newBuilder(service.uri("/webhooks/titancard"))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Signature", RunningService.sign(Source.TITANCARD, huge))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        HttpResponse<String> streamed = service.send(chunked);
        assertEquals(413, streamed.statusCode());
        assertEquals(before, inboxRows());
    }

    @Test
    void bodyJustUnderTheLimit_isAccepted() {
        HttpResponse<String> response = service.deliver(Source.TITANCARD, paddedCardBody(RunningService.MAX_BODY_BYTES));
        assertEquals(202, response.statusCode());
    }

    @Test
    void contentTypeNotJson_is415() {
        byte[] body = card("connection.created");
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            HttpResponse<String> response = service.post(Source.TITANCARD, body, type,
                    RunningService.sign(Source.TITANCARD, body), Map.of());
            assertEquals(415, response.statusCode(), "content type " + type);
            assertEquals("unsupported_media_type", json(response).get("error").asText());
        }
        HttpResponse<String> withCharset = service.post(Source.TITANCARD, body, "application/json; charset=utf-8",
                RunningService.sign(Source.TITANCARD, body), Map.of());
        assertEquals(202, withCharset.statusCode());
    }

    @Test
    void badSignatures_are401_andLeaveNoTrace() {
        byte[] body = card("connection.created");
        long before = inboxRows();
        String valid = RunningService.sign(Source.TITANCARD, body);
        for (String signature : new String[] {null, "", "sha256=", valid.substring(7), "sha256=zz" + valid.substring(9),
                valid + "00", "sha256=" + valid, RunningService.sign(Source.TITANX, body)}) {
            HttpResponse<String> response = service.post(Source.TITANCARD, body, "application/json", signature, Map.of());
            assertEquals(401, response.statusCode(), "signature " + signature);
            assertEquals("invalid_signature", json(response).get("error").asText());
        }
        byte[] tampered = body.clone();
        tampered[tampered.length - 2] = ' ';
        assertEquals(401, service.post(Source.TITANCARD, tampered, "application/json", valid, Map.of()).statusCode());
        assertEquals(before, inboxRows());
    }

    @Test
    void authenticButNotJson_is400_andKeptAsMalformed() {
        byte[] body = "this is not json {".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = service.deliver(Source.TITANCARD, body);

        assertEquals(400, response.statusCode());
        JsonNode answer = json(response);
        assertEquals("malformed_payload", answer.get("error").asText());
        assertTrue(answer.get("detail").asText().contains("not valid JSON"), answer.toString());
        assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'malformed' AND raw_body = ?", body));
    }

    @Test
    void authenticEnvelopeWithAWrongField_is400_namingIt() {
        String[][] cases = {
                {"{\"timestamp\":1705420800000,\"data\":{}}", "event is missing"},
                {"{\"event\":7,\"timestamp\":1705420800000,\"data\":{}}", "event must be a non-empty string"},
                {"{\"event\":\"card.created\",\"timestamp\":\"yesterday\",\"data\":{}}", "timestamp must be"},
                // past year 9999: no RFC 3339 time, and it would win every field forever
                {"{\"event\":\"card.created\",\"timestamp\":253402300800000,\"data\":{}}", "up to the end of year 9999"},
                {"{\"event\":\"card.created\",\"timestamp\":9223372036854775807,\"data\":{}}", "timestamp must be"},
                {"{\"event\":\"card.created\",\"timestamp\":1705420800000,\"data\":[1]}", "data must be an object"},
                {"{\"event\":\"card.created\",\"event\":\"card.deleted\",\"timestamp\":1,\"data\":{}}", "holds a key twice"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = service.deliver(Source.TITANCARD, c[0].getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.statusCode(), c[0]);
            assertTrue(json(response).get("detail").asText().contains(c[1]), response.body());
        }
        HttpResponse<String> titanX = service.deliver(Source.TITANX,
                "{\"eventType\":\"job.contact.scored\",\"timestamp\":1,\"payload\":{}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, titanX.statusCode());
        assertEquals("id is missing", json(titanX).get("detail").asText());
    }

    @Test
    void firstDelivery_is202_afterItIsStored() {
        byte[] body = card("connection.created");
        HttpResponse<String> response = service.deliver(Source.TITANCARD, body);

        assertEquals(202, response.statusCode());
        JsonNode answer = json(response);
        assertEquals("accepted", answer.get("status").asText());
        String eventId = answer.get("event_id").asText();
        assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE id = ? AND raw_body = ?", eventId, body));
        assertEquals("connection.created", rows.text("SELECT event_type FROM inbox_events WHERE id = ?", eventId));
    }

    @Test
    void storedHeaders_neverIncludeTheSignature() {
        byte[] body = card("card.created");
        String eventId = json(service.post(Source.TITANCARD, body, "application/json",
                RunningService.sign(Source.TITANCARD, body), Map.of("User-Agent", "TitanCard-Webhooks/1.0",
                        "X-Webhook-Event", "card.created"))).get("event_id").asText();
        String headers = rows.text("SELECT headers FROM inbox_events WHERE id = ?", eventId);
        assertTrue(headers.contains("TitanCard-Webhooks/1.0"), headers);
        assertTrue(!headers.toLowerCase().contains("x-webhook-signature"), headers);
    }

    @Test
    void eventHeaderThatDisagreesWithTheBody_isRecordedNotFollowed() {
        byte[] body = card("card.created");
        String eventId = json(service.post(Source.TITANCARD, body, "application/json",
                RunningService.sign(Source.TITANCARD, body), Map.of("X-Webhook-Event", "card.deleted")))
                .get("event_id").asText();
        assertEquals("card.created", rows.text("SELECT event_type FROM inbox_events WHERE id = ?", eventId));
        assertTrue(rows.text("SELECT headers FROM inbox_events WHERE id = ?", eventId).contains("x-titan-header-mismatch"));
    }

    @Test
    void unknownEventType_is202_andStoredAsIgnored() {
        byte[] body = ("{\"event\":\"card.teleported\",\"timestamp\":1705420800000,\"data\":{\"card_id\":\"k1\"},"
                + "\"nonce\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = service.deliver(Source.TITANCARD, body);
        assertEquals(202, response.statusCode());
        assertEquals("ignored", rows.text("SELECT status FROM inbox_events WHERE id = ?",
                json(response).get("event_id").asText()));
    }

    @Test
    void titanXWithAnotherApiVersion_isAccepted() {
        HttpResponse<String> response = service.deliver(Source.TITANX, titanX(UUID.randomUUID().toString(), "v3"));
        assertEquals(202, response.statusCode());
    }

    @Test
    void secondDelivery_is200Duplicate_withTheFirstId() {
        byte[] body = card("connection.updated");
        String first = json(service.deliver(Source.TITANCARD, body)).get("event_id").asText();

        HttpResponse<String> again = service.deliver(Source.TITANCARD, body);

        assertEquals(200, again.statusCode());
        assertEquals("duplicate", json(again).get("status").asText());
        assertEquals(first, json(again).get("event_id").asText());
        assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE raw_body = ?", body));
    }

    @Test
    void titanXRetryWithTheSameId_isADuplicateEvenIfTheBytesDiffer() {
        String id = UUID.randomUUID().toString();
        assertEquals(202, service.deliver(Source.TITANX, titanX(id, "v2")).statusCode());
        assertEquals(200, service.deliver(Source.TITANX, titanX(id, "v3")).statusCode());
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneEvent_yieldOneAcceptedAnd49Duplicates() throws Exception {
        byte[] body = card("connection.tagged");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return service.deliver(Source.TITANCARD, body);
                }));
            }
            go.countDown();
            int accepted = 0;
            int duplicates = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                int status = answer.get().statusCode();
                accepted += status == 202 ? 1 : 0;
                duplicates += status == 200 ? 1 : 0;
            }
            assertEquals(1, accepted);
            assertEquals(49, duplicates);
            assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE raw_body = ?", body));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storeFailureMidRequest_is503WithRetryAfter_andLeavesNoRow() {
        byte[] body = card("card.updated");
        rows.execute(breakInserts());
        HttpResponse<String> response;
        try {
            response = service.deliver(Source.TITANCARD, body);
        } finally {
            rows.execute(repairInserts());
        }
        assertEquals(503, response.statusCode());
        assertEquals("unavailable", json(response).get("error").asText());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        assertEquals(0, rows.count("SELECT COUNT(*) FROM inbox_events WHERE raw_body = ?", body));
        assertEquals(202, service.deliver(Source.TITANCARD, body).statusCode(), "the provider's retry succeeds");
    }

    @Test
    void jdkHttpClientAtItsDefaults_offeringH2c_isAnsweredPromptly() throws Exception {
        HttpClient defaults = HttpClient.newHttpClient();
        byte[] body = card("card.viewed");
        HttpRequest request = HttpRequest.newBuilder(service.uri("/webhooks/titancard"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Signature", RunningService.sign(Source.TITANCARD, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = defaults.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }

    @Test
    void everySample_isAccepted() {
        for (Map.Entry<String, Source> type : Samples.EVENT_TYPES.entrySet()) {
            HttpResponse<String> response = service.deliver(type.getValue(), Samples.body(type.getKey()));
            assertTrue(response.statusCode() == 202 || response.statusCode() == 200,
                    type.getKey() + " answered " + response.statusCode() + " " + response.body());
            assertNotNull(json(response).get("event_id"));
        }
    }

    @Test
    void responses_neverCarryAStackTrace() {
        HttpResponse<String> notFound = service.get("/webhooks/nowhere");
        assertEquals(404, notFound.statusCode());
        assertEquals("not_found", json(notFound).get("error").asText());
        HttpResponse<String> wrongMethod = service.get("/webhooks/titancard");
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(!wrongMethod.body().contains("Exception") && !wrongMethod.body().contains("at com."));
    }

    long inboxRows() {
        return rows.count("SELECT COUNT(*) FROM inbox_events");
    }

    /** A TitanCard delivery of {@code type}, unique per call so that it is a new event. */
    static byte[] card(String type) {
        return ("{\"event\":\"" + type + "\",\"timestamp\":1705420800000,\"data\":{\"id\":\"j57xyz789ghi\","
                + "\"card_id\":\"k57abc123def\",\"tags\":[\"vip\"],\"new_status\":\"qualified\",\"nonce\":\""
                + UUID.randomUUID() + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] titanX(String id, String apiVersion) {
        return ("{\"payload\":{\"id\":\"c-1\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"},\"eventType\":"
                + "\"job.contact.scored\",\"timestamp\":1705318200000,\"apiVersion\":\"" + apiVersion + "\",\"id\":\""
                + id + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A valid TitanCard body of exactly {@code size} bytes. */
    static byte[] paddedCardBody(int size) {
        String head = "{\"event\":\"card.created\",\"timestamp\":1705420800000,\"data\":{\"card_id\":\"k-"
                + UUID.randomUUID() + "\",\"pad\":\"";
        String tail = "\"}}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
