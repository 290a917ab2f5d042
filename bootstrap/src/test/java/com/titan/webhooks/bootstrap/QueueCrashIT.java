package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.in.amqp.Relay;
import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar consumes a stream of 10,000 unique relayed deliveries and is killed (kill -9, or stopped
 * with SIGTERM) in the middle of it, then started again: afterwards each delivery is stored exactly
 * once and applied exactly once, the queue is empty and nothing is dead-lettered. What was taken
 * but not acknowledged when the process died comes back from the broker, and the store answers
 * duplicate for what was stored but not yet acknowledged.
 */
class QueueCrashIT {

    private static final int DELIVERIES = 10_000;

    @Test
    void killDuringConsumption_eachDeliveryIsStoredExactlyOnce() throws Exception {
        stopMidStreamAndRestart(true);
    }

    @Test
    void sigtermDuringConsumption_inFlightFinishOrGoBack_noneLost() throws Exception {
        stopMidStreamAndRestart(false);
    }

    private static void stopMidStreamAndRestart(boolean kill) throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.postgres()) {
            String queue = broker.queue(kill ? "crash" : "sigterm");
            Map<String, String> env = Map.of("AMQP_URL", broker.url(), "AMQP_DELIVERIES_QUEUE", queue,
                    "AMQP_CHANGES_EXCHANGE", broker.exchange("changes"), "DATABASE_POOL_SIZE", "6");
            int port = GracefulShutdownIT.freePort();
            StoreQueries rows = new StoreQueries(database);
            Process first = GracefulShutdownIT.start(database, port, env);
            long storedAtStop;
            try {
                GracefulShutdownIT.awaitLive(port);
                QueueDeliveriesTest.awaitConsumer(broker, queue);
                try (Relay relay = new Relay(broker.url())) {
                    for (int i = 0; i < DELIVERIES; i++) {
                        byte[] body = CrashRecoveryIT.note();
                        relay.publish(queue, Source.TITANCARD, body, Map.of("Content-Type", "application/json",
                                "X-Webhook-Signature", Source.TITANCARD.signaturePolicy().sign(body,
                                        new SigningSecret(GracefulShutdownIT.SECRET))));
                    }
                    relay.confirmed();
                }
                Eventually.await("the jar to be consuming the stream", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events") >= 1_000);
                if (kill) {
                    first.destroyForcibly(); // SIGKILL: nothing acknowledged after this, nothing finished
                } else {
                    first.destroy();
                }
                assertTrue(first.waitFor(60, TimeUnit.SECONDS));
                if (!kill) {
                    assertEquals(0, first.exitValue(), "a graceful stop exits 0");
                }
                storedAtStop = rows.count("SELECT COUNT(*) FROM inbox_events");
            } finally {
                first.destroyForcibly();
            }
            assertTrue(storedAtStop < DELIVERIES, "stopped mid-stream, not after it: " + storedAtStop + " stored");

            Process second = GracefulShutdownIT.start(database, port, env);
            try {
                GracefulShutdownIT.awaitLive(port);
                Eventually.await("the rest of the stream consumed and applied", Duration.ofSeconds(180), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == DELIVERIES
                                && broker.ready(queue) == 0);
                assertEquals(DELIVERIES, rows.count("SELECT COUNT(*) FROM inbox_events"), "each stored exactly once");
                assertEquals(DELIVERIES, rows.count("SELECT COUNT(DISTINCT idempotency_key) FROM inbox_events"));
                long applied;
                try (Database store = Database.open(database.settings())) {
                    applied = CrashRecoveryIT.notesApplied(store);
                }
                assertEquals(DELIVERIES, applied, "each applied exactly once");
                assertEquals(0, broker.ready(QueueDeliveriesTest.deadLetters(queue)), "nothing dead-lettered");
                System.out.printf("RELIABILITY queue, %s mid-stream: published %d, stored before the stop %d,"
                        + " stored after %d, applied %d%n", kill ? "kill -9" : "SIGTERM", DELIVERIES, storedAtStop,
                        rows.count("SELECT COUNT(*) FROM inbox_events"), applied);
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
