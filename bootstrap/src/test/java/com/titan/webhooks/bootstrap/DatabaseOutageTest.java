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
 * answered 202 (never a 500, never a hang past the connection timeout) and readiness says the
 * store is down; afterwards the spool drains without a restart and every acknowledged delivery is
 * stored and applied exactly once.
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
                HttpResponse<String> ready = service.get("/health/ready");
                assertEquals(503, ready.statusCode());
                assertTrue(ready.body().contains("\"store\":\"unreachable\""), ready.body());
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

    private static String accepted(RunningService service) {
        HttpResponse<String> response = service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed"));
        assertEquals(202, response.statusCode(), response.body());
        return ReceiveContract.json(response).get("event_id").asText();
    }
}
