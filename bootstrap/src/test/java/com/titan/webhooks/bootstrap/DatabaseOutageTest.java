package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under load and comes back: while it is away, deliveries are spooled and
 * answered 202 (never a 500, never a hang past the connection timeout) and readiness stays 200
 * (deliveries are accepted) while saying the store is unreachable; afterwards the spool drains
 * without a restart and every acknowledged delivery is stored and applied exactly once. The
 * service also starts during an outage, and a spooled delivery the store refuses is set aside
 * rather than blocking the spool.
 */
class DatabaseOutageTest {

    @Test
    void outage_isAbsorbedByTheSpool_andDrainedWhenTheStoreReturns() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            URI target = URI.create(database.settings().url().substring("jdbc:".length()));
            Path spool = Files.createTempDirectory("titan-spool-");
            try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
                 RunningService service = RunningService.start(database, Map.of(
                         "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath(),
                         "DATABASE_CONNECT_TIMEOUT_SECONDS", "1", "SPOOL_DIR", spool.toString()))) {
                List<String> acknowledged = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    acknowledged.add(accepted(service));
                }

                proxy.cut();
                for (int i = 0; i < 60; i++) {
                    long started = System.nanoTime();
                    acknowledged.add(accepted(service));
                    assertTrue(System.nanoTime() - started < 10_000_000_000L, "a delivery waited past the timeout");
                }
                // the store is probed once a second: the 60 spooled deliveries may all be answered before it notices
                Eventually.await("readiness to see the outage", Duration.ofSeconds(5), () ->
                        service.get("/health/ready").body().contains("\"store\":\"unreachable\""));
                // deliveries are still accepted, so the instance stays in a load balancer's rotation
                long asked = System.nanoTime();
                HttpResponse<String> ready = service.get("/health/ready");
                assertTrue(System.nanoTime() - asked < 1_000_000_000L, "readiness waited on the store");
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("\"store\":\"unreachable\""), ready.body());
                assertTrue(ready.body().contains("\"spooling\":true"), ready.body());
                assertTrue(Files.list(spool).findAny().isPresent(), "nothing was spooled");

                proxy.restore();
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("the spool to drain and every event to be applied", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == acknowledged.size());
                for (String id : acknowledged) {
                    assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE id = ?", id), "event " + id);
                }
                assertEquals(acknowledged.size(), rows.count("SELECT COUNT(*) FROM inbox_events"));
                Eventually.await("readiness to recover", Duration.ofSeconds(10), () ->
                        service.get("/health/ready").statusCode() == 200);
                assertEquals(0, Files.list(spool).count(), "a drained spool is empty");
            }
        }
    }

    @Test
    void startDuringAnOutage_spoolsDeliveries_andMigratesAndDrainsWhenTheStoreReturns() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            URI target = URI.create(database.settings().url().substring("jdbc:".length()));
            Path spool = Files.createTempDirectory("titan-spool-");
            try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort())) {
                proxy.cut();
                try (RunningService service = RunningService.start(database, Map.of(
                        "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath(),
                        "DATABASE_CONNECT_TIMEOUT_SECONDS", "1", "SPOOL_DIR", spool.toString()))) {
                    List<String> acknowledged = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        acknowledged.add(accepted(service));
                    }
                    HttpResponse<String> ready = service.get("/health/ready");
                    assertEquals(200, ready.statusCode(), ready.body());

                    proxy.restore();
                    StoreQueries rows = new StoreQueries(database);
                    Eventually.await("migrated, drained and applied", Duration.ofSeconds(60), () -> {
                        try {
                            return rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'")
                                    == acknowledged.size();
                        } catch (IllegalStateException notMigratedYet) {
                            return false;
                        }
                    });
                    String after = accepted(service);
                    Eventually.await("a delivery after the outage applied", Duration.ofSeconds(10), () ->
                            "processed".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", after)));
                }
            }
        }
    }

    @Test
    void spooledDeliveryTheStoreRefuses_isSetAside_andTheRestDrains() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            Path spool = Files.createTempDirectory("titan-spool-");
            // as a spool left by an earlier run: one record the store must refuse (an id longer than
            // its column), then an ordinary one
            String refused = "x".repeat(40);
            String kept = java.util.UUID.randomUUID().toString();
            Files.writeString(spool.resolve("000000000001.spool"), spooled(refused, "k-refused") + "\n"
                    + spooled(kept, "k-kept") + "\n");
            try (RunningService service = RunningService.start(database, Map.of("SPOOL_DIR", spool.toString()))) {
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("the ordinary spooled delivery stored and applied", Duration.ofSeconds(20), () ->
                        "processed".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", kept)));
                String after = accepted(service);
                Eventually.await("a new delivery stored and applied, not left in the spool", Duration.ofSeconds(20),
                        () -> "processed".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", after)));
                Path setAside = spool.resolve("refused-by-store.jsonl");
                assertTrue(Files.readString(setAside).contains(refused), "the refused delivery is kept for an operator");
                assertTrue(Files.list(spool).noneMatch(f -> f.toString().endsWith(".spool")), "the spool drained");
                assertTrue(service.get("/metrics").body().contains("titan_spool_set_aside 1.0"));
                assertEquals(200, service.get("/health/ready").statusCode());
            }
        }
    }

    /** One spool record, as DeliverySpool writes it. */
    private static String spooled(String id, String key) {
        byte[] body = ReceiveContract.card("card.viewed");
        return "{\"id\":\"" + id + "\",\"source\":\"titancard\",\"received_at\":" + System.currentTimeMillis()
                + ",\"body\":\"" + java.util.Base64.getEncoder().encodeToString(body) + "\",\"status\":\"received\","
                + "\"type\":\"card.viewed\",\"occurred_at\":1705420800000,\"key\":\"" + key + "\",\"headers\":{}}";
    }

    private static String accepted(RunningService service) {
        HttpResponse<String> response = service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed"));
        assertEquals(202, response.statusCode(), response.body());
        return ReceiveContract.json(response).get("event_id").asText();
    }
}
