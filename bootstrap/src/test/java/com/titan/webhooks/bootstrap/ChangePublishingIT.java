package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.in.amqp.Relay;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The change feed on the exchange, with the jar as a process: more than 10,000 changes (from a
 * shuffled burst of 20,000 deliveries) arrive on a bound queue in feed order, each at least once
 * and none missing, though the broker connection is cut mid-stream and the service is killed with
 * kill -9 mid-stream; and of two instances the survivor takes over publishing within 10 s of the
 * publisher's kill -9.
 */
class ChangePublishingIT {

    private static final int EVENTS = 20_000;
    private static final long ENOUGH_CHANGES = 10_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void tenThousandChanges_throughAConnectionCutAndAKill_arriveInFeedOrder_noneMissing() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.postgres();
             TcpProxy proxy = new TcpProxy("127.0.0.1", 5672)) {
            String exchange = broker.exchange("changes");
            String bound = broker.boundQueue("consumer", exchange, "#");
            String deliveries = broker.queue("deliveries");
            Map<String, String> env = Map.of("AMQP_URL", broker.url().replace("127.0.0.1:5672", "127.0.0.1:" + proxy.port()),
                    "AMQP_CHANGES_EXCHANGE", exchange, "AMQP_DELIVERIES_QUEUE", deliveries, "DATABASE_POOL_SIZE", "6");
            StoreQueries rows = new StoreQueries(database);
            int port = GracefulShutdownIT.freePort();
            Process first = GracefulShutdownIT.start(database, port, env);
            try {
                GracefulShutdownIT.awaitLive(port);
                QueueDeliveriesTest.awaitConsumer(broker, deliveries);
                Random random = new Random(18_001);
                List<byte[]> burst = new ArrayList<>(ChangeFeedApiContract.burst(random, "ten", EVENTS, 3_000));
                Collections.shuffle(burst, random);
                try (Relay relay = new Relay(broker.url())) {
                    for (byte[] body : burst) {
                        relay.publish(deliveries, Source.TITANCARD, body, signed(body));
                    }
                    relay.confirmed();
                }
                Eventually.await("the first 2,000 changes on the queue", Duration.ofSeconds(120), () -> broker.ready(bound) >= 2_000);
                proxy.cut();
                // the publisher and the consumer lose the broker for three seconds, batches unconfirmed
                Thread.sleep(3_000);
                proxy.restore();
                long beforeKill = broker.ready(bound);
                Eventually.await("publishing to go on after the cut", Duration.ofSeconds(120), () ->
                        broker.ready(bound) >= beforeKill + 2_000);
                first.destroyForcibly();
                assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            } finally {
                first.destroyForcibly();
            }
            long atKill = rows.count("SELECT confirmed FROM change_publications");
            Process second = GracefulShutdownIT.start(database, port, env);
            try {
                GracefulShutdownIT.awaitLive(port);
                Eventually.await("every delivery applied and every change confirmed", Duration.ofSeconds(300), () ->
                        broker.ready(deliveries) == 0
                                && rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0
                                && rows.count("SELECT confirmed FROM change_publications")
                                == rows.count("SELECT last FROM change_positions"));
                long last = rows.count("SELECT last FROM change_positions");
                assertTrue(last >= ENOUGH_CHANGES, "the burst made " + last + " changes");
                assertTrue(atKill < last, "killed mid-stream: " + atKill + " of " + last + " confirmed");
                List<TestBroker.Message> arrived = broker.drain(bound);
                ChangesOnTheExchangeTest.assertEveryChangeInOrder(arrived, last);
                System.out.printf("RELIABILITY change feed on the exchange, connection cut and kill -9 at %d: %d changes,"
                        + " %d messages%n", atKill, last, arrived.size());
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void twoInstances_thePublisherKilled_theOtherTakesOverWithinTenSeconds() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.postgres()) {
            String exchange = broker.exchange("changes");
            String bound = broker.boundQueue("consumer", exchange, "#");
            Map<String, String> env = Map.of("AMQP_URL", broker.url(), "AMQP_CHANGES_EXCHANGE", exchange,
                    "DATABASE_POOL_SIZE", "4");
            StoreQueries rows = new StoreQueries(database);
            int[] ports = {GracefulShutdownIT.freePort(), GracefulShutdownIT.freePort()};
            Map<Integer, Process> jars = new HashMap<>();
            try {
                for (int port : ports) {
                    jars.put(port, GracefulShutdownIT.start(database, port, env));
                }
                for (int port : ports) {
                    GracefulShutdownIT.awaitLive(port);
                }
                Eventually.await("one of them to publish", Duration.ofSeconds(30), () ->
                        publishing(ports[0]) + publishing(ports[1]) == 1);
                Random random = new Random(18_002);
                List<byte[]> burst = ChangeFeedApiContract.burst(random, "pair", 300, 50);
                for (int i = 0; i < burst.size(); i++) {
                    deliver(ports[i % 2], burst.get(i));
                }
                awaitAllConfirmed(rows);
                assertEquals(1, publishing(ports[0]) + publishing(ports[1]), "exactly one publishes");
                List<TestBroker.Message> arrived = new ArrayList<>(broker.drain(bound));
                assertEquals(rows.count("SELECT last FROM change_positions"), arrived.size(),
                        "one publisher: each change once");

                int publisher = publishing(ports[0]) == 1 ? ports[0] : ports[1];
                int survivor = publisher == ports[0] ? ports[1] : ports[0];
                jars.get(publisher).destroyForcibly();
                long killedAt = System.nanoTime();
                assertTrue(jars.get(publisher).waitFor(10, TimeUnit.SECONDS));
                Eventually.await("the survivor to take over", Duration.ofSeconds(10), () -> publishing(survivor) == 1);
                long takeOverMillis = (System.nanoTime() - killedAt) / 1_000_000;
                for (byte[] body : ChangeFeedApiContract.burst(random, "pair", 100, 50)) {
                    deliver(survivor, body);
                }
                awaitAllConfirmed(rows);
                arrived.addAll(broker.drain(bound));
                ChangesOnTheExchangeTest.assertEveryChangeInOrder(arrived, rows.count("SELECT last FROM change_positions"));
                System.out.printf("RELIABILITY change feed publisher killed: the other instance took over in %d ms%n",
                        takeOverMillis);
                assertTrue(takeOverMillis < 10_000, "took over after " + takeOverMillis + " ms");
            } finally {
                for (Process jar : jars.values()) {
                    jar.destroy();
                    jar.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static void awaitAllConfirmed(StoreQueries rows) {
        Eventually.await("every delivery applied and every change confirmed", Duration.ofSeconds(120), () ->
                rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0
                        && rows.count("SELECT confirmed FROM change_publications")
                        == rows.count("SELECT last FROM change_positions"));
    }

    private static Map<String, String> signed(byte[] body) {
        return Map.of("Content-Type", "application/json", "X-Webhook-Signature",
                Source.TITANCARD.signaturePolicy().sign(body, new SigningSecret(GracefulShutdownIT.SECRET)));
    }

    private static void deliver(int port, byte[] body) throws IOException {
        int status = CrashRecoveryIT.post(HTTP, port, body).statusCode();
        assertTrue(status == 202 || status == 200, "answered " + status);
    }

    /** 1 while the jar on {@code port} holds the publisher's lease. */
    private static int publishing(int port) {
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return (int) QueueDeliveriesTest.sum(metrics.body(), "titan_changes_publishing ");
        } catch (IOException gone) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
