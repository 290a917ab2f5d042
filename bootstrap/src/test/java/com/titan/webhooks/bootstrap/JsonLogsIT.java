package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar started as the README shows, {@code java -jar titan-webhooks.jar --config titan.yaml},
 * with {@code LOG_FORMAT: json} in the file: every line it prints is a JSON object with an ISO-8601
 * time, the message already formatted, and each key-value as a field of its own; a refused API
 * call is logged, without the token.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec_json_logs";
    private static final String TOKEN = "tok_json_logs_never_logged";

    @Test
    void logFormatJson_fromTheConfigFile_printsOneFlatJsonObjectPerLine() throws Exception {
        try (TestDatabase database = TestDatabase.sqlite()) {
            int port = GracefulShutdownIT.freePort();
            Path logs = Files.createDirectories(Path.of("target", "test-logs"));
            Path config = Files.createTempFile("titan", ".yaml");
            Files.writeString(config, "HTTP_HOST: 127.0.0.1\nHTTP_PORT: " + port + "\nDATABASE_URL: " + database.settings().url()
                    + "\nTITANCARD_WEBHOOK_SECRETS: whsec_previous," + SECRET + "\nAPI_TOKEN: " + TOKEN
                    + "\nLOG_FORMAT: json\nLOG_LEVEL: INFO\n");
            Path output = logs.resolve("jar-json-" + port + ".log");
            Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", System.getProperty("titan.jar", "target/titan-webhooks.jar"), "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                GracefulShutdownIT.awaitLive(port);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                byte[] body = ReceiveContract.card("card.viewed");
                HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/webhooks/titancard"))
                        .header("Content-Type", "application/json")
                        .header("X-Webhook-Signature", Source.TITANCARD.signaturePolicy().sign(body, new SigningSecret(SECRET)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, accepted.statusCode(), accepted.body());
                HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/events"))
                        .header("Authorization", "Bearer " + TOKEN + "-wrong").GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, refused.statusCode());
                Eventually.await("the event to be applied and logged", java.time.Duration.ofSeconds(10), () -> {
                    try {
                        return Files.readString(output).contains("\"result\":\"processed\"");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                service.destroy();
                assertTrue(service.waitFor(30, TimeUnit.SECONDS));
            } finally {
                service.destroyForcibly();
                Files.deleteIfExists(config);
            }

            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(output)) {
                JsonNode parsed = JSON.readTree(line); // throws, failing the test, on a line that is not JSON
                assertTrue(parsed.isObject(), line);
                Instant.parse(parsed.get("@timestamp").asText()); // ISO-8601, UTC
                assertFalse(parsed.get("message").asText().contains("{}"), "an unfilled template: " + line);
                assertFalse(parsed.has("arguments") || parsed.has("kvpList"), "key-values must be flat fields: " + line);
                assertFalse(line.contains(TOKEN) || line.contains(SECRET), "a secret in the log: " + line);
                lines.add(parsed);
            }
            JsonNode listening = find(lines, "Titan Webhooks listening");
            assertTrue(listening.get("message").asText().contains("http://127.0.0.1:" + port + "/"), listening.toString());
            assertEquals("INFO", listening.get("level").asText());

            JsonNode delivery = find(lines, "delivery");
            assertEquals("titancard", delivery.get("source").asText());
            assertEquals("accepted", delivery.get("outcome").asText());
            assertEquals(202, delivery.get("status").asInt());
            // the second configured secret verified it: printf '%s' whsec_json_logs | openssl dgst -sha256
            assertEquals("2:" + fingerprintOf(SECRET), delivery.get("secret").asText());

            assertEquals(List.of("refused an API request"), lines.stream().filter(line -> !"INFO".equals(line.get("level").asText()))
                    .map(line -> line.get("message").asText()).toList(), "a start with every setting given warns of nothing");
            JsonNode denied = find(lines, "refused an API request");
            assertEquals("/api/events", denied.get("path").asText());
            assertEquals("wrong token", denied.get("reason").asText());
        }
    }

    private static JsonNode find(List<JsonNode> lines, String message) {
        return lines.stream().filter(line -> line.get("message").asText().startsWith(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + message + "' in " + lines));
    }

    /** Computed by OpenSSL, not by the code under test. */
    private static String fingerprintOf(String secret) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "dgst", "-sha256").start();
        openssl.getOutputStream().write(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        openssl.getOutputStream().close();
        String out = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        openssl.waitFor();
        return out.substring(out.lastIndexOf(' ') + 1, out.lastIndexOf(' ') + 9);
    }
}
