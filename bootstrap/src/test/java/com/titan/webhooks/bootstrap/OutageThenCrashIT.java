package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst case the issue names: PostgreSQL goes away under load, the service keeps answering
 * from its spool, then is killed with -9 while the database is still away; the database and the
 * service come back; every acknowledged delivery ends up stored and applied exactly once.
 */
class OutageThenCrashIT {

    @Test
    void outage_thenKill_thenBothBack_losesNothingAcknowledged_andDoublesNothing(@TempDir Path spool) throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            URI target = URI.create(database.settings().url().substring("jdbc:".length()));
            int port = GracefulShutdownIT.freePort();
            try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort())) {
                Map<String, String> env = Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port()
                        + target.getPath(), "DATABASE_CONNECT_TIMEOUT_SECONDS", "1", "SPOOL_DIR", spool.toString());
                Process first = GracefulShutdownIT.start(database, port, env);
                DeliveryLoad load;
                try {
                    GracefulShutdownIT.awaitLive(port);
                    load = new DeliveryLoad(port);
                    load.runFor(CrashRecoveryIT.LOAD_MILLIS, CrashRecoveryIT.ENOUGH / 2, Duration.ofSeconds(30));
                    proxy.cut(); // the database is gone; deliveries now go to the spool
                    // on a busy machine a fixed time may spool nothing: go on until something was spooled
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!spooledSomething(spool) && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(CrashRecoveryIT.LOAD_MILLIS);
                    first.destroyForcibly(); // kill -9 while the database is still away
                    assertTrue(first.waitFor(10, TimeUnit.SECONDS));
                    Thread.sleep(300);
                    load.close();
                } finally {
                    first.destroyForcibly();
                }
                ConcurrentLinkedQueue<CrashRecoveryIT.Sent> acknowledged = load.acknowledged();
                ConcurrentLinkedQueue<byte[]> unanswered = load.unanswered();
                HttpClient client = load.client();
                assertTrue(Files.list(spool).anyMatch(f -> f.toString().endsWith(".spool")), "the outage left nothing in the spool");

                proxy.restore(); // both come back
                Process second = GracefulShutdownIT.start(database, port, env);
                try {
                    GracefulShutdownIT.awaitLive(port);
                    for (byte[] retry : unanswered) {
                        HttpResponse<String> answer = CrashRecoveryIT.post(client, port, retry);
                        // the store is back and the spool drains while retries arrive: each is spooled or
                        // stored, never refused (a write that met a segment being drained once answered 503)
                        assertTrue(answer.statusCode() == 202 || answer.statusCode() == 200,
                                "a retry answered " + answer.statusCode() + " " + answer.body());
                    }
                    StoreQueries rows = new StoreQueries(database);
                    long expected = acknowledged.size() + unanswered.size();
                    Eventually.await("the spool to drain and every event to be applied", Duration.ofSeconds(60), () ->
                            rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == expected);
                    for (CrashRecoveryIT.Sent sent : acknowledged) {
                        assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE id = ?", sent.eventId()),
                                "acknowledged event " + sent.eventId());
                    }
                    long stored = rows.count("SELECT COUNT(*) FROM inbox_events");
                    assertEquals(expected, stored);
                    try (Database store = Database.open(database.settings())) {
                        long notes = CrashRecoveryIT.notesApplied(store);
                        assertEquals(stored, notes, "each stored note.added applied exactly once");
                        CrashRecoveryIT.report("outage then kill -9 on PostgreSQL", acknowledged.size(),
                                unanswered.size(), stored, notes);
                    }
                } finally {
                    second.destroy();
                    second.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static boolean spooledSomething(Path spool) throws IOException {
        try (var files = Files.list(spool)) {
            return files.anyMatch(file -> file.toString().endsWith(".spool") && file.toFile().length() > 0);
        }
    }
}
