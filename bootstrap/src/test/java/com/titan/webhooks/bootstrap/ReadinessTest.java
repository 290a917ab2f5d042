package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness means "deliveries can be accepted": a full disk makes it fail at once, and what the
 * operator watches (the last accepted delivery per provider) survives a restart.
 */
class ReadinessTest {

    @Test
    void fullDisk_failsReadiness_whileDeliveriesAreRefused() {
        try (TestDatabase database = TestDatabase.sqlite()) {
            // SQLite's own "database or disk is full", from a page limit just above the schema's size
            String full = database.settings().url() + "?max_page_count=64";
            try (RunningService service = RunningService.start(database, Map.of("DATABASE_URL", full))) {
                assertEquals(200, service.get("/health/ready").statusCode());
                int refused = 0;
                for (int i = 0; i < 2_000 && refused == 0; i++) {
                    HttpResponse<String> answer = service.deliver(Source.TITANCARD,
                            ReceiveContract.paddedCardBody(4_000));
                    if (answer.statusCode() == 503) {
                        refused++;
                    } else {
                        assertEquals(202, answer.statusCode(), answer.body());
                    }
                }
                assertEquals(1, refused, "the disk never filled up");
                HttpResponse<String> ready = service.get("/health/ready");
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("deliveries cannot be written"), ready.body());
            }
        }
    }

    @Test
    void lastAcceptedDelivery_survivesARestart() {
        try (TestDatabase database = TestDatabase.sqlite()) {
            try (RunningService service = RunningService.start(database)) {
                assertEquals(202, service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed")).statusCode());
                // the body as the README shows it: providers by name only, the store's signals beside them
                com.fasterxml.jackson.databind.JsonNode ready = ReceiveContract.json(service.get("/health/ready"));
                assertEquals(List.of("titanx", "titancard"), fieldNames(ready.get("providers")));
                assertEquals(List.of("status", "checks", "providers", "spooling", "store", "spool_set_aside"),
                        fieldNames(ready));
                assertEquals("reachable", ready.get("store").asText());
                String accepted = lastAccepted(service, "titancard").asText();
                assertFalse(accepted.matches(".*\\.\\d{4,}Z"), "to the millisecond, as after a restart: " + accepted);
            }
            try (RunningService restarted = RunningService.start(database)) {
                Eventually.await("the last accepted delivery read back from the store", Duration.ofSeconds(10), () ->
                        !lastAccepted(restarted, "titancard").isNull());
                String metrics = restarted.get("/metrics").body();
                assertFalse(metrics.contains("titan_provider_last_accepted_age_seconds{source=\"titancard\",} NaN")
                        || metrics.contains("titan_provider_last_accepted_age_seconds{source=\"titancard\"} NaN"),
                        "the silence alert has a value to fire on");
                assertTrue(lastAccepted(restarted, "titanx").isNull(), "nothing invented for a provider that never delivered");
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode lastAccepted(RunningService service, String provider) {
        return ReceiveContract.json(service.get("/health/ready")).get("providers").get(provider).get("last_accepted_at");
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A service with no provider's secret can take nothing: it says so at start, and deliveries get 503. */
    @Test
    void noSecretAtAll_isWarnedOfAtStart_andDeliveriesAre503NotConfigured() {
        Map<String, String> noSecrets = new java.util.HashMap<>();
        noSecrets.put("TITANX_WEBHOOK_SECRETS", null);
        noSecrets.put("TITANCARD_WEBHOOK_SECRETS", null);
        try (TestDatabase database = TestDatabase.sqlite(); LogCapture log = LogCapture.start();
             RunningService service = RunningService.start(database, noSecrets)) {
            assertTrue(log.warnings().stream().anyMatch(line -> line.contains("TITANCARD_WEBHOOK_SECRETS")
                    && line.contains("503")), String.join("\n", log.warnings()));
            HttpResponse<String> answer = service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed"));
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("source_not_configured"), answer.body());
        }
    }
}
