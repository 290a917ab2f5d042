package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With {@code AMQP_URL} set, every change of the feed is published to the topic exchange: one
 * persistent JSON message per change, routed by {@code <aggregate>.<kind>}, its id the change's
 * cursor and its body the feed's own entry. When the broker connection is cut, publishing resumes
 * from the last confirmed change: none is missing, and a change published twice carries the same
 * id and body. Of two instances on one store, exactly one publishes; when it stops, the other
 * takes over.
 */
class ChangesOnTheExchangeTest {

    @Test
    void theExchange_isThereBeforeTheFirstChange_soAConsumerCanBindFirst() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.sqlite()) {
            String exchange = broker.exchange("early");
            try (RunningService service = RunningService.start(database, Map.of("AMQP_URL", broker.url(),
                    "AMQP_CHANGES_EXCHANGE", exchange))) {
                Eventually.await("the exchange declared with no change yet", Duration.ofSeconds(30), () -> {
                    // a passive declare of a missing exchange closes its channel: one channel per look
                    try (com.rabbitmq.client.Channel look = broker.connection().createChannel()) {
                        look.exchangeDeclarePassive(exchange);
                        return true;
                    } catch (java.io.IOException | java.util.concurrent.TimeoutException
                             | com.rabbitmq.client.AlreadyClosedException missing) {
                        return false;
                    }
                });
                String early = broker.boundQueue("bound-first", exchange, "#");
                assertTrue(service.deliver(Source.TITANCARD, Samples.body("connection.created")).statusCode() / 100 == 2);
                Eventually.await("the first change on the queue bound before it", Duration.ofSeconds(30), () ->
                        broker.ready(early) >= 1);
            }
        }
    }

    @Test
    void everyChange_isOnTheExchange_asTheFeedRendersIt() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.sqlite()) {
            String exchange = broker.exchange("changes");
            String everything = broker.boundQueue("everything", exchange, "#");
            String deletions = broker.boundQueue("deletions", exchange, "*.delete");
            try (RunningService service = RunningService.start(database, Map.of("AMQP_URL", broker.url(),
                    "AMQP_CHANGES_EXCHANGE", exchange))) {
                for (Map.Entry<String, Source> type : Samples.EVENT_TYPES.entrySet()) {
                    assertTrue(service.deliver(type.getValue(), Samples.body(type.getKey())).statusCode() / 100 == 2);
                }
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("the samples applied", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('processed', 'ignored')")
                                == Samples.EVENT_TYPES.size());
                List<JsonNode> feed = new FeedClient(service).drain(null, 1000, "");
                // how many depends on how the worker's batches fall (one change per aggregate per commit)
                assertFalse(feed.isEmpty(), "the samples made changes");
                Eventually.await("every change published", Duration.ofSeconds(30), () -> broker.ready(everything) == feed.size());
                List<TestBroker.Message> messages = broker.drain(everything);
                for (int i = 0; i < feed.size(); i++) {
                    JsonNode entry = feed.get(i);
                    TestBroker.Message message = messages.get(i);
                    assertEquals(entry.get("cursor").asText(), message.properties().getMessageId(), "in feed order");
                    assertEquals(entry, ReceiveContract.JSON.readTree(message.body()), "the feed's own entry");
                    assertEquals("application/json", message.properties().getContentType());
                    assertEquals(2, message.properties().getDeliveryMode(), "persistent");
                    assertEquals(entry.get("aggregate").asText() + "." + entry.get("kind").asText(),
                            message.properties().getType());
                }
                long deleted = feed.stream().filter(entry -> entry.get("kind").asText().equals("delete")).count();
                assertTrue(deleted > 0, "the samples delete something");
                assertEquals(deleted, broker.drain(deletions).size(), "a binding on *.delete gets the deletions only");
                String metrics = service.get("/metrics").body();
                assertTrue(metrics.contains("titan_changes_publishing 1.0"), metrics);
            }
        }
    }

    @Test
    void brokerConnectionCut_publishingResumesFromTheConfirmedChange_noneMissing() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.sqlite();
             TcpProxy proxy = new TcpProxy("127.0.0.1", 5672)) {
            String exchange = broker.exchange("changes");
            String queue = broker.boundQueue("all", exchange, "#");
            String viaProxy = broker.url().replace("127.0.0.1:5672", "127.0.0.1:" + proxy.port());
            try (RunningService service = RunningService.start(database, Map.of("AMQP_URL", viaProxy,
                    "AMQP_CHANGES_EXCHANGE", exchange))) {
                Random random = new Random(18);
                deliverAll(service, ChangeFeedApiContract.burst(random, "cut", 300, 40));
                Eventually.await("the first changes published", Duration.ofSeconds(30), () -> broker.ready(queue) > 0);
                proxy.cut();
                deliverAll(service, ChangeFeedApiContract.burst(random, "cut", 300, 40));
                proxy.restore();
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("all applied", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0);
                long last = rows.count("SELECT last FROM change_positions");
                Eventually.await("the broker confirmed every change", Duration.ofSeconds(60), () ->
                        rows.count("SELECT confirmed FROM change_publications") == last);
                assertEveryChangeInOrder(broker.drain(queue), last);
            }
        }
    }

    @Test
    void twoInstances_oneLeaseholderPublishes_andTheOtherTakesOverWhenItStops() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.postgres()) {
            String exchange = broker.exchange("changes");
            String queue = broker.boundQueue("all", exchange, "#");
            Map<String, String> env = Map.of("AMQP_URL", broker.url(), "AMQP_CHANGES_EXCHANGE", exchange);
            Random random = new Random(1818);
            RunningService first = RunningService.start(database, env);
            try (RunningService second = RunningService.start(database, env)) {
                Eventually.await("one of them to publish", Duration.ofSeconds(30), () -> publishing(first) + publishing(second) == 1);
                List<byte[]> burst = ChangeFeedApiContract.burst(random, "two", 200, 30);
                for (int i = 0; i < burst.size(); i++) {
                    (i % 2 == 0 ? first : second).deliver(Source.TITANCARD, burst.get(i));
                }
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("all applied and confirmed", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0
                                && rows.count("SELECT confirmed FROM change_publications")
                                == rows.count("SELECT last FROM change_positions"));
                assertEquals(1, publishing(first) + publishing(second), "exactly one publishes");
                List<TestBroker.Message> published = broker.drain(queue);
                assertEquals(rows.count("SELECT last FROM change_positions"), published.size(),
                        "with one publisher, each change once");

                RunningService leaseholder = publishing(first) == 1 ? first : second;
                RunningService other = leaseholder == first ? second : first;
                leaseholder.close();
                Eventually.await("the other to take over", Duration.ofSeconds(10), () -> publishing(other) == 1);
                deliverAll(other, ChangeFeedApiContract.burst(random, "two", 50, 30));
                Eventually.await("the new changes published", Duration.ofSeconds(30), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0
                                && rows.count("SELECT confirmed FROM change_publications")
                                == rows.count("SELECT last FROM change_positions"));
                List<TestBroker.Message> all = new ArrayList<>(published);
                all.addAll(broker.drain(queue));
                assertEveryChangeInOrder(all, rows.count("SELECT last FROM change_positions"));
            } finally {
                first.close();
            }
        }
    }

    private static int publishing(RunningService service) {
        return (int) QueueDeliveriesTest.sum(service.get("/metrics").body(), "titan_changes_publishing ");
    }

    private static void deliverAll(RunningService service, List<byte[]> bodies) {
        for (byte[] body : bodies) {
            int status = service.deliver(Source.TITANCARD, body).statusCode();
            assertTrue(status == 202 || status == 200, "answered " + status);
        }
    }

    /**
     * Every position from 1 to {@code last} arrived, the first arrival of each in feed order, and
     * every repeat is the same message: same id, same body.
     */
    static void assertEveryChangeInOrder(List<TestBroker.Message> messages, long last) throws Exception {
        Map<String, byte[]> first = new HashMap<>();
        long expected = 1;
        int repeats = 0;
        for (TestBroker.Message message : messages) {
            String id = message.properties().getMessageId();
            byte[] seen = first.get(id);
            if (seen != null) {
                repeats++;
                assertEquals(new String(seen, java.nio.charset.StandardCharsets.UTF_8),
                        new String(message.body(), java.nio.charset.StandardCharsets.UTF_8), "a repeat is the same change");
                continue;
            }
            long position = position(id);
            assertEquals(expected, position, "the first arrival of each change in feed order, without a gap");
            expected++;
            first.put(id, message.body());
        }
        assertEquals(last, expected - 1, "every change arrived");
        System.out.printf("%d changes arrived, %d of them more than once%n", last, repeats);
    }

    static long position(String cursor) {
        return Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(cursor),
                java.nio.charset.StandardCharsets.US_ASCII));
    }
}
