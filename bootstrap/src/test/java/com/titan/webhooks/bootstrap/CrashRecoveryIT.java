package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 under load, then a restart on the same store: every delivery that got a 2xx is stored
 * and applied, none is applied twice, and the sender's retries of the deliveries that got no
 * answer are accepted or reported as duplicates. On SQLite and on PostgreSQL.
 */
class CrashRecoveryIT {

    /** Notes spread over this many connections, as real traffic is; one aggregate per note would be too few. */
    static final int CONNECTIONS = 50;

    @Test
    void killDuringLoad_onSqlite_losesNothingAcknowledged_andDoublesNothing() throws Exception {
        try (TestDatabase database = TestDatabase.sqlite()) {
            crashAndRecover(database);
        }
    }

    @Test
    void killDuringLoad_onPostgres_losesNothingAcknowledged_andDoublesNothing() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            crashAndRecover(database);
        }
    }

    /** How long the load runs before the kill: short in CI, long with -Dreliability.seconds=60. */
    static final long LOAD_MILLIS = (long) (1000 * Double.parseDouble(System.getProperty("reliability.seconds", "1.5")));
    /** Acknowledged deliveries below which a run proves nothing; the load goes on until it has them. */
    static final int ENOUGH = 100;

    record Sent(byte[] body, String eventId) {
    }

    private static void crashAndRecover(TestDatabase database) throws Exception {
        int port = GracefulShutdownIT.freePort();
        DeliveryLoad load;
        Process first = GracefulShutdownIT.start(database, port);
        try {
            GracefulShutdownIT.awaitLive(port);
            load = new DeliveryLoad(port);
            load.runFor(LOAD_MILLIS, ENOUGH, Duration.ofSeconds(30));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful anything
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            Thread.sleep(300);
            load.close();
        } finally {
            first.destroyForcibly();
        }
        ConcurrentLinkedQueue<Sent> acknowledged = load.acknowledged();
        ConcurrentLinkedQueue<byte[]> unanswered = load.unanswered();
        HttpClient client = load.client();
        assertTrue(acknowledged.size() > 50, "too little load to prove anything: " + acknowledged.size());

        Process second = GracefulShutdownIT.start(database, port);
        try {
            GracefulShutdownIT.awaitLive(port);
            for (byte[] retry : unanswered) {
                HttpResponse<String> answer = post(client, port, retry);
                int status = answer.statusCode();
                // the body and the jar's log say why, should it ever be otherwise
                assertTrue(status == 202 || status == 200, "a retry after the crash answered " + status + " "
                        + answer.body() + "; see target/test-logs/jar-" + port + ".log");
            }
            StoreQueries rows = new StoreQueries(database);
            Eventually.await("every stored event to be applied after the restart", Duration.ofSeconds(30), () ->
                    rows.count("SELECT COUNT(*) FROM inbox_events WHERE status <> 'processed'") == 0);
            for (Sent sent : acknowledged) {
                assertEquals("processed", rows.text("SELECT status FROM inbox_events WHERE id = ?", sent.eventId()),
                        "acknowledged event " + sent.eventId());
            }
            long stored = rows.count("SELECT COUNT(*) FROM inbox_events");
            assertEquals(acknowledged.size() + unanswered.size(), stored,
                    "every delivery is stored exactly once: the acknowledged and the retried ones");
            try (Database store = Database.open(database.settings())) {
                long notes = notesApplied(store);
                assertEquals(stored, notes, "each stored note.added applied exactly once");
                report("kill -9 on " + (database.isPostgres() ? "PostgreSQL" : "SQLite"), acknowledged.size(),
                        unanswered.size(), stored, notes);
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The figures of one run, as the README reports them. */
    static void report(String run, int acknowledged, int unanswered, long stored, long applied) {
        long lost = acknowledged + unanswered - stored;
        long doubled = applied - stored;
        System.out.printf("RELIABILITY %s: sent %d, acknowledged %d, unanswered and retried %d, stored %d, applied %d,"
                + " lost %d, doubled %d%n", run, acknowledged + unanswered, acknowledged, unanswered, stored, applied,
                lost, doubled);
    }

    static byte[] note() {
        String connection = "crash-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(CONNECTIONS);
        return ("{\"event\":\"note.added\",\"timestamp\":1705420800000,\"data\":{\"id\":\"note-" + UUID.randomUUID()
                + "\",\"connection_id\":\"" + connection + "\",\"note_content\":\"crash test\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Every note the connections hold: one per applied note.added, or more if one were applied twice. */
    static long notesApplied(Database store) {
        long notes = 0;
        for (int i = 0; i < CONNECTIONS; i++) {
            notes += store.connections().notes(new ConnectionId("crash-" + i), PageRequest.first(PageRequest.MAX_LIMIT))
                    .items().size();
        }
        return notes;
    }

    static HttpResponse<String> post(HttpClient client, int port, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/titancard"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Signature", Source.TITANCARD.signaturePolicy().sign(body,
                        new SigningSecret(GracefulShutdownIT.SECRET)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

}
