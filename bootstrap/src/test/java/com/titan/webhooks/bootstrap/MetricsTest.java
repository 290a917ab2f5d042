package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A mix of deliveries, then a scrape of /metrics that finds exactly the counts sent. */
class MetricsTest {

    @Test
    void scrape_afterAMixOfDeliveries_countsEachOutcome() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            for (int i = 0; i < 3; i++) {
                service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed"));
            }
            byte[] twice = ReceiveContract.card("card.created");
            service.deliver(Source.TITANCARD, twice);
            service.deliver(Source.TITANCARD, twice);
            byte[] body = ReceiveContract.card("card.created");
            service.post(Source.TITANCARD, body, "application/json", "sha256=" + "0".repeat(64), Map.of());
            service.post(Source.TITANCARD, body, "application/json", null, Map.of());
            service.deliver(Source.TITANCARD, "not json".getBytes(StandardCharsets.UTF_8));
            service.deliver(Source.TITANCARD, ReceiveContract.paddedCardBody(RunningService.MAX_BODY_BYTES + 10));
            service.deliver(Source.TITANX, ReceiveContract.titanX(java.util.UUID.randomUUID().toString(), "v2"));
            Eventually.await("the worker to apply the accepted events", Duration.ofSeconds(10), () ->
                    value(scrape(service), "titan_events_applied_total\\{result=\"processed\",type=\"card.viewed\"\\}") == 3);

            int cardChanges = new FeedClient(service).drain(null, 1000, "aggregate=card").size();
            assertTrue(cardChanges > 0);
            Eventually.await("the changes to be counted", Duration.ofSeconds(10), () -> value(scrape(service),
                    "titan_changes_written_total\\{aggregate=\"card\",kind=\"upsert\"\\}") == cardChanges);
            // a gauge read from the store at most every few seconds
            Eventually.await("the oldest change's age", Duration.ofSeconds(10), () ->
                    value(scrape(service), "titan_changes_oldest_age_seconds") >= 0);

            String metrics = scrape(service);
            assertEquals(4, value(metrics, "titan_deliveries_total\\{outcome=\"accepted\",source=\"titancard\"\\}"));
            assertEquals(1, value(metrics, "titan_deliveries_total\\{outcome=\"duplicate\",source=\"titancard\"\\}"));
            assertEquals(2, value(metrics, "titan_deliveries_total\\{outcome=\"invalid_signature\",source=\"titancard\"\\}"));
            assertEquals(1, value(metrics, "titan_deliveries_total\\{outcome=\"malformed\",source=\"titancard\"\\}"));
            assertEquals(1, value(metrics, "titan_deliveries_total\\{outcome=\"too_large\",source=\"titancard\"\\}"));
            assertEquals(1, value(metrics, "titan_deliveries_total\\{outcome=\"accepted\",source=\"titanx\"\\}"));
            assertEquals(1, value(metrics, "titan_events_applied_total\\{result=\"processed\",type=\"card.created\"\\}"));
            // the two 401s and the 413 could be anyone's: only the authentic malformed delivery counts
            assertEquals(1, value(metrics, "titan_provider_consecutive_failures\\{source=\"titancard\"\\}"));
            assertEquals(2, value(metrics,
                    "titan_unauthenticated_requests_total\\{outcome=\"invalid_signature\",source=\"titancard\"\\}"));
            assertEquals(1, value(metrics,
                    "titan_unauthenticated_requests_total\\{outcome=\"too_large\",source=\"titancard\"\\}"));
            assertTrue(metrics.contains("titan_receive_seconds_bucket"), "receive latency histogram");
            assertTrue(metrics.contains("titan_projection_lag_seconds_bucket"), "projection lag histogram");
            assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
            assertTrue(metrics.contains("hikaricp_connections"), "connection pool metrics");
            assertTrue(metrics.contains("titan_http_pool_busy_threads"), "HTTP pool metrics");
            assertTrue(metrics.contains("titan_inbox_events{status=\"processed\"}"), "inbox depth");
            // which secret verified them: printf '%s' whsec_titancard_test_secret | openssl dgst -sha256, first 8 hex
            assertEquals(6, value(metrics, "titan_deliveries_verified_total\\{secret=\"fcb65274\",source=\"titancard\"\\}"),
                    "4 accepted, 1 duplicate, 1 malformed: every authentic delivery, by the secret that verified it");
            assertTrue(!metrics.contains("whsec_"), "never a secret");
        }
    }

    @Test
    void scrape_followsPrometheusNamingConventions() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed"));
            String metrics = scrape(service);
            assertTrue(value(metrics, "process_cpu_seconds_total") > 0, "process CPU time, in seconds");
            for (String line : metrics.lines().toList()) {
                assertTrue(!line.matches("# HELP \\S+\\s*"), "a metric without a description: " + line);
                assertTrue(!line.matches("^[a-z_]+_(ns|ms|nanoseconds|milliseconds)(_total)?[{ ].*"),
                        "a time not in seconds: " + line);
            }
        }
    }

    /**
     * The failure streak is what the provider would count: strangers' junk (unsigned, wrongly
     * signed, oversized, compressed, of the wrong media type) neither grows nor resets it, and is
     * counted on its own; authentic deliveries the service failed grow it; an accepted one ends it.
     */
    @Test
    void failureStreak_countsOnlyAuthenticDeliveries_andJunkIsCountedApart() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 6; i++) {
                service.post(Source.TITANCARD, empty, "application/json", null, Map.of());
            }
            service.post(Source.TITANCARD, empty, "application/json", "sha256=" + "0".repeat(64), Map.of());
            service.post(Source.TITANCARD, empty, "text/plain", null, Map.of());
            service.post(Source.TITANCARD, empty, "application/json", null, Map.of("Content-Encoding", "gzip"));
            String junk = scrape(service);
            assertEquals(0, value(junk, "titan_provider_consecutive_failures\\{source=\"titancard\"\\}"),
                    "nine requests anyone could send");
            assertEquals(7, value(junk,
                    "titan_unauthenticated_requests_total\\{outcome=\"invalid_signature\",source=\"titancard\"\\}"));
            assertEquals(2, value(junk,
                    "titan_unauthenticated_requests_total\\{outcome=\"unsupported_media_type\",source=\"titancard\"\\}"));

            service.deliver(Source.TITANCARD, empty);
            service.deliver(Source.TITANCARD, "{}{}".getBytes(StandardCharsets.UTF_8));
            service.post(Source.TITANCARD, empty, "application/json", null, Map.of());
            assertEquals(2, value(scrape(service), "titan_provider_consecutive_failures\\{source=\"titancard\"\\}"),
                    "two authentic deliveries failed; the stranger's request between them changes nothing");
            assertEquals(202, service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed")).statusCode());
            assertEquals(0, value(scrape(service), "titan_provider_consecutive_failures\\{source=\"titancard\"\\}"));
        }
    }

    private static String scrape(RunningService service) {
        HttpResponse<String> response = service.get("/metrics");
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
