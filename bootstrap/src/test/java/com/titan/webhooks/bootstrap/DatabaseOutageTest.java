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
import org.junit.jupiter.api.io.TempDir;

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
    void outage_isAbsorbedByTheSpool_andDrainedWhenTheStoreReturns(@TempDir Path spool) throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            URI target = URI.create(database.settings().url().substring("jdbc:".length()));
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
                // deliveries are still accepted, so the instance stays in a load balancer's rotation; the
                // background probe notices the outage within a few seconds, and readiness never waits for it
                Eventually.await("readiness to report the outage", Duration.ofSeconds(10), () -> {
                    long asked = System.nanoTime();
                    HttpResponse<String> ready = service.get("/health/ready");
                    assertTrue(System.nanoTime() - asked < 1_000_000_000L, "readiness waited on the store");
                    assertEquals(200, ready.statusCode(), ready.body());
                    assertTrue(ready.body().contains("\"spooling\":true"), ready.body());
                    return ready.body().contains("\"store\":\"unreachable\"");
                });
                assertTrue(Files.list(spool).anyMatch(f -> f.toString().endsWith(".spool")), "nothing was spooled");
                // a count the store cannot give is unknown, not zero: a dashboard must not read it as an empty inbox
                Eventually.await("the inbox gauges to say unknown", Duration.ofSeconds(15), () ->
                        service.get("/metrics").body().contains("titan_inbox_events{status=\"processed\"} NaN"));

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
                assertTrue(Files.list(spool).noneMatch(f -> f.toString().endsWith(".spool")), "a drained spool is empty");
                Eventually.await("the inbox gauges to count again", Duration.ofSeconds(15), () -> service.get("/metrics").body()
                        .contains("titan_inbox_events{status=\"processed\"} " + (double) acknowledged.size()));
            }
        }
    }

    @Test
    void startDuringAnOutage_spoolsDeliveries_andMigratesAndDrainsWhenTheStoreReturns(@TempDir Path spool) throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            URI target = URI.create(database.settings().url().substring("jdbc:".length()));
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
    void spooledDeliveryTheStoreRefuses_isSetAside_andTheRestDrains(@TempDir Path spool) throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
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

    @Test
    void aSecondInstanceOnTheSameSpoolFolder_refusesToStart_andTheFirstKeepsItsSpool(@TempDir Path spool) throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            try (RunningService first = RunningService.start(database, Map.of("SPOOL_DIR", spool.toString()))) {
                // sharing it, one instance would drain and delete a segment the other still appends to
                RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () ->
                        RunningService.start(database, Map.of("SPOOL_DIR", spool.toString())).close());
                // the one line the operator reads (Main prints the failure's own message, not its causes)
                String line = Main.describe(refused);
                assertTrue(line.contains("cannot use the spool folder " + spool), line);
                assertTrue(line.contains("another instance is using it"), line);
                assertTrue(line.contains("SPOOL_DIR"), line);
                String after = accepted(first);
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("the first instance still applies deliveries", Duration.ofSeconds(20), () ->
                        "processed".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", after)));
            }
            // given up on close, as it is when a process dies: the next instance takes the folder
            try (RunningService next = RunningService.start(database, Map.of("SPOOL_DIR", spool.toString()))) {
                accepted(next);
            }
        }
    }

    /**
     * A store that answers and refuses the login (no such database, no such user) is no outage:
     * waiting does not mend it, so the start fails at once with the server's reason, rather than
     * running "ready" and spooling for ever.
     */
    @Test
    void aStoreThatRefusesTheLogin_stopsTheStart_withTheServersReason() {
        try (TestDatabase database = TestDatabase.postgres()) {
            URI target = URI.create(database.settings().url().substring("jdbc:".length()));
            String missing = "titan_missing_" + java.util.UUID.randomUUID().toString().replace("-", "");
            List<Map<String, String>> refusals = List.of(
                    Map.of("DATABASE_URL", "jdbc:postgresql://" + target.getHost() + ":"
                            + (target.getPort() == -1 ? 5432 : target.getPort()) + "/" + missing,
                            "DATABASE_CONNECT_TIMEOUT_SECONDS", "1"),
                    Map.of("DATABASE_USER", missing, "DATABASE_CONNECT_TIMEOUT_SECONDS", "1"));
            for (Map<String, String> refusal : refusals) {
                long started = System.nanoTime();
                RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () ->
                        RunningService.start(database, refusal).close());
                String line = Main.describe(refused);
                assertTrue(line.contains("refused the login") && line.contains(missing) && line.contains("does not exist"),
                        line);
                assertTrue(System.nanoTime() - started < 30_000_000_000L, "failed at once, not after retrying");
            }
            try (RunningService right = RunningService.start(database)) {
                accepted(right);
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
