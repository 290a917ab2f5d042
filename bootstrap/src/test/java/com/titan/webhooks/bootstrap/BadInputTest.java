package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.application.port.in.DeliveryHeaders;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bad input against the real server: a corpus of known-nasty requests, then seeded random ones
 * (the seed is printed; set BAD_INPUT_SEED to replay a run). Only 400, 401, 413 or 415 may come
 * back, never a 5xx; the server keeps serving; and the store holds nothing of any request that
 * was not authentic (the authentic-but-malformed ones are kept, one row each, as the contract says).
 */
class BadInputTest {

    private static final Set<Integer> ALLOWED = Set.of(400, 401, 413, 415);
    private static final int GENERATED = 1_200;

    private static final String MARKER = "personal-data-4711";

    private record Attempt(String name, Source source, byte[] body, String contentType, List<String> signatures,
                           Map<String, String> headers) {

        Attempt(String name, Source source, byte[] body, String contentType, List<String> signatures) {
            this(name, source, body, contentType, signatures, Map.of());
        }
    }

    @Test
    void corpusAndGeneratedBadInput_getOnly4xx_andLeaveNoUnauthenticatedTrace() {
        long seed = Long.parseLong(System.getenv().getOrDefault("BAD_INPUT_SEED", String.valueOf(System.nanoTime())));
        System.out.println("BadInputTest seed " + seed + " (replay with BAD_INPUT_SEED=" + seed + ")");
        Random random = new Random(seed);
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            StoreQueries rows = new StoreQueries(database);
            long before = rows.count("SELECT COUNT(*) FROM inbox_events");
            List<Attempt> attempts = new ArrayList<>(corpus());
            for (int i = 0; i < GENERATED; i++) {
                attempts.add(generated(random, i));
            }
            int authenticMalformed = 0;
            for (Attempt attempt : attempts) {
                HttpResponse<String> response = send(service, attempt);
                assertTrue(ALLOWED.contains(response.statusCode()), "seed " + seed + ", " + attempt.name() + ": "
                        + response.statusCode() + " " + response.body());
                assertTrue(!response.body().contains("Exception") && !response.body().contains("at com.")
                        && !response.body().contains("org.glassfish") && !response.body().contains("com.fasterxml")
                        && !response.body().contains("JsonNode") && !response.body().contains(MARKER),
                        attempt.name() + ": " + response.body());
                assertTrue(response.body().startsWith("{\"error\":\""), attempt.name() + ": " + response.body());
                if (attempt.headers().containsKey("Content-Encoding")) {
                    assertEquals(415, response.statusCode(), attempt.name() + ": " + response.body());
                }
                authenticMalformed += response.statusCode() == 400 ? 1 : 0;
            }
            assertEquals(before + authenticMalformed, rows.count("SELECT COUNT(*) FROM inbox_events"),
                    "seed " + seed + ": only authentic (malformed) deliveries may be stored");
            assertEquals(authenticMalformed, rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'malformed'"));
            assertEquals(0, rows.count("SELECT COUNT(*) FROM inbox_events WHERE last_error LIKE '%" + MARKER
                    + "%' OR last_error LIKE '%com.fasterxml%'"), "nothing of a body is copied into last_error");
            assertEquals(202, service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed")).statusCode(),
                    "the server still serves");
            assertTrue(attempts.size() >= 1_000);
        }
    }

    private static List<Attempt> corpus() {
        List<Attempt> corpus = new ArrayList<>();
        byte[] valid = ReceiveContract.card("card.created");
        String validSignature = RunningService.sign(Source.TITANCARD, valid);
        corpus.add(signed("empty body", new byte[0]));
        corpus.add(signed("invalid UTF-8", new byte[] {'{', '"', 'e', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        corpus.add(signed("deeply nested arrays", ("{\"event\":\"x\",\"timestamp\":1,\"data\":" + "[".repeat(5_000)
                + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("deeply nested objects", ("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000))
                .getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("huge number", ("{\"event\":\"card.created\",\"timestamp\":1" + "0".repeat(5_000)
                + ",\"data\":{}}").getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("huge float", "{\"event\":\"card.created\",\"timestamp\":1e999999,\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("duplicate keys", "{\"event\":\"card.created\",\"timestamp\":1,\"timestamp\":2,\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("trailing garbage", (new String(valid, StandardCharsets.UTF_8) + "}{").getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("JSON array", "[1,2,3]".getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("JSON string", "\"card.created\"".getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("null", "null".getBytes(StandardCharsets.UTF_8)));
        for (String event : new String[] {"7", "null", "true", "[]", "{}", "\"\""}) {
            corpus.add(signed("event " + event, ("{\"event\":" + event + ",\"timestamp\":1,\"data\":{}}").getBytes(StandardCharsets.UTF_8)));
        }
        for (String timestamp : new String[] {"\"1\"", "1.5", "-1", "null", "{}", "[]", "true", "99999999999999999999"}) {
            corpus.add(signed("timestamp " + timestamp, ("{\"event\":\"card.created\",\"timestamp\":" + timestamp
                    + ",\"data\":{}}").getBytes(StandardCharsets.UTF_8)));
        }
        for (String data : new String[] {"\"x\"", "[]", "1", "null", "true"}) {
            corpus.add(signed("data " + data, ("{\"event\":\"card.created\",\"timestamp\":1,\"data\":" + data + "}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        String hex = validSignature.substring("sha256=".length());
        // whitespace around a header value is not part of it (RFC 9110, 5.5): HTTP strips it before
        // the service sees it, so only whitespace inside the value can make a signature bad
        for (List<String> signatures : List.of(List.of(""), List.of("sha256="), List.of(validSignature, validSignature),
                List.of(validSignature, "sha256=" + "0".repeat(64)), List.of("sha256=" + Base64.getEncoder().encodeToString(
                        hex.getBytes(StandardCharsets.UTF_8))), List.of("sha256=zz" + hex.substring(2)), List.of("md5=" + hex),
                List.of(hex), List.of("SHA256 " + hex), List.of("sha256=" + hex.substring(0, 32) + " " + hex.substring(32)),
                List.of("sha256= " + hex),
                List.of(RunningService.sign(Source.TITANX, valid)), List.of("sha256=" + hex.substring(1)))) {
            corpus.add(new Attempt("signature " + signatures, Source.TITANCARD, valid, "application/json", signatures));
        }
        corpus.add(new Attempt("titanx with a titancard signature", Source.TITANX, valid, "application/json",
                List.of(validSignature)));
        corpus.add(new Attempt("titanx non-base64", Source.TITANX, valid, "application/json", List.of("%%%")));
        corpus.add(signed("just over the limit", ReceiveContract.paddedCardBody(RunningService.MAX_BODY_BYTES + 1)));
        corpus.add(new Attempt("just under the limit, unsigned", Source.TITANCARD,
                ReceiveContract.paddedCardBody(RunningService.MAX_BODY_BYTES - 1), "application/json", List.of()));
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", "json",
                "application/jsonx", "multipart/form-data; boundary=x"}) {
            corpus.add(new Attempt("content type " + type, Source.TITANCARD, valid, type, List.of(validSignature)));
        }
        corpus.add(new Attempt("no content type", Source.TITANCARD, valid, null, List.of(validSignature)));
        // the parser's own messages name its classes and quote the body: neither may reach the sender or the store
        corpus.add(signed("two objects", "{}{}".getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("an object and a word", ("{} " + MARKER).getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("an unquoted word", ("{\"event\":" + MARKER + "}").getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("a duplicate key", ("{\"" + MARKER + "\":1,\"" + MARKER + "\":2}").getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("an unknown escape", ("{\"event\":\"\\q" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8)));
        corpus.add(signed("a control character in a string", ("{\"event\":\"" + MARKER + "\u0001\"}")
                .getBytes(StandardCharsets.UTF_8)));
        // a compressed body is answered 415 before any signature check, whatever its signature
        for (String encoding : new String[] {"gzip", "deflate", "br", "GZIP", "identity, gzip", "x-custom"}) {
            byte[] gzipped = gzip(valid);
            corpus.add(new Attempt("Content-Encoding " + encoding, Source.TITANCARD, gzipped, "application/json",
                    List.of(RunningService.sign(Source.TITANCARD, gzipped)), Map.of("Content-Encoding", encoding)));
            corpus.add(new Attempt("Content-Encoding " + encoding + ", unsigned", Source.TITANX, gzipped,
                    "application/json", List.of(), Map.of("Content-Encoding", encoding)));
        }
        return corpus;
    }

    /** Random bytes, mutated JSON, or a mutated signature: every flavour of bad, from the seed. */
    private static Attempt generated(Random random, int i) {
        byte[] valid = ReceiveContract.card("connection.created");
        Source source = random.nextInt(4) == 0 ? Source.TITANX : Source.TITANCARD;
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(2_000)];
                random.nextBytes(noise);
                yield new Attempt("generated " + i + ": random bytes, signed", source, noise, "application/json",
                        List.of(sign(source, noise)));
            }
            case 1 -> {
                byte[] mutated = valid.clone();
                for (int flips = 1 + random.nextInt(5); flips > 0; flips--) {
                    int at = random.nextInt(mutated.length);
                    mutated[at] = (byte) (mutated[at] ^ (1 + random.nextInt(255))); // always a different byte
                }
                yield new Attempt("generated " + i + ": bytes flipped after signing", source, mutated, "application/json",
                        List.of(sign(source, valid)));
            }
            case 2 -> {
                byte[] truncated = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
                yield new Attempt("generated " + i + ": truncated, signed", source, truncated, "application/json",
                        List.of(sign(source, truncated)));
            }
            case 3 -> {
                byte[] json = randomEnvelope(random);
                yield new Attempt("generated " + i + ": envelope with wrong types", source, json, "application/json",
                        List.of(sign(source, json)));
            }
            default -> {
                char[] garbage = new char[random.nextInt(90)];
                for (int c = 0; c < garbage.length; c++) {
                    garbage[c] = (char) (33 + random.nextInt(94));
                }
                yield new Attempt("generated " + i + ": garbage signature", source, valid, "application/json",
                        List.of(new String(garbage)));
            }
        };
    }

    private static byte[] randomEnvelope(Random random) {
        List<Supplier<String>> values = List.of(() -> "null", () -> "true", () -> "\"text\"", () -> "[]", () -> "{}",
                () -> String.valueOf(random.nextLong()), () -> "1.25", () -> "\"\\u0000\"");
        String value = values.get(random.nextInt(values.size())).get();
        String[] keys = {"event", "eventType", "timestamp", "data", "payload", "id"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String json = "{\"" + keys[random.nextInt(keys.length)] + "\":" + value + ",\"timestamp\":"
                + values.get(random.nextInt(values.size())).get() + "}";
        out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(body);
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static Attempt signed(String name, byte[] body) {
        return new Attempt(name, Source.TITANCARD, body, "application/json", List.of(sign(Source.TITANCARD, body)));
    }

    private static String sign(Source source, byte[] body) {
        String secret = source == Source.TITANX ? RunningService.TITANX_SECRET : RunningService.TITANCARD_SECRET;
        return source.signaturePolicy().sign(body, new SigningSecret(secret));
    }

    private static HttpResponse<String> send(RunningService service, Attempt attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri("/webhooks/" + attempt.source().wireName()))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        if (attempt.contentType() != null) {
            request.header("Content-Type", attempt.contentType());
        }
        for (String signature : attempt.signatures()) {
            request.header(DeliveryHeaders.of(attempt.source()).signature(), signature);
        }
        attempt.headers().forEach(request::header);
        return service.send(request.build());
    }
}
