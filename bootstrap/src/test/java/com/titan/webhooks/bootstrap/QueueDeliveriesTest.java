package com.titan.webhooks.bootstrap;

import com.titan.webhooks.application.port.in.DeliveryHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.in.amqp.Relay;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Deliveries relayed through a RabbitMQ quorum queue go through the same use case as the webhook
 * endpoints: the same events stored, the same state projected; what would be refused over HTTP
 * ends on the dead-letter queue with its reason; and a store that is away for a minute costs
 * nothing: the messages wait in the queue, none is dead-lettered, all are applied afterwards.
 */
class QueueDeliveriesTest {

    /** How long the store stays away: a minute, as the issue asks; shorter with -Doutage.seconds=10. */
    private static final long OUTAGE_SECONDS = Long.parseLong(System.getProperty("outage.seconds", "60"));

    @Test
    void theSixteenSamples_throughTheQueue_storeAndProjectWhatTheyDoThroughHttp() throws Exception {
        try (TestBroker broker = TestBroker.connect();
             TestDatabase overHttp = TestDatabase.sqlite();
             TestDatabase overQueue = TestDatabase.sqlite()) {
            String queue = broker.queue("deliveries");
            try (RunningService http = RunningService.start(overHttp);
                 RunningService consumer = RunningService.start(overQueue, consuming(broker, queue));
                 Relay relay = new Relay(broker.url())) {
                awaitConsumer(broker, queue);
                for (Map.Entry<String, Source> type : Samples.EVENT_TYPES.entrySet()) {
                    byte[] body = Samples.body(type.getKey());
                    assertTrue(http.deliver(type.getValue(), body).statusCode() / 100 == 2, type.getKey());
                    relay.publish(queue, type.getValue(), body, relayHeaders(type.getValue(), body));
                }
                relay.confirmed();
                StoreQueries viaHttp = new StoreQueries(overHttp);
                StoreQueries viaQueue = new StoreQueries(overQueue);
                for (StoreQueries rows : List.of(viaHttp, viaQueue)) {
                    Eventually.await("every sample stored and settled", Duration.ofSeconds(60), () ->
                            rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('processed', 'ignored')")
                                    == Samples.EVENT_TYPES.size());
                }
                String events = "SELECT source, event_type, idempotency_key, occurred_at, hex(raw_body), status,"
                        + " secret_position, secret_fingerprint FROM inbox_events ORDER BY source, idempotency_key";
                assertEquals(viaHttp.rows(events), viaQueue.rows(events), "the same events stored");
                // the state, not the row's version: that counts saves, and how many events one save
                // takes depends on how the worker's batches fall, over either transport
                for (String state : new String[] {"SELECT id, state FROM connections ORDER BY id",
                        "SELECT id, state FROM cards ORDER BY id", "SELECT id, state FROM reminders ORDER BY id",
                        "SELECT contact_key, state FROM contacts ORDER BY contact_key",
                        "SELECT job_key, state FROM scoring_jobs ORDER BY job_key",
                        "SELECT aggregate || ':' || id, state FROM aggregate_documents ORDER BY aggregate, id"}) {
                    assertEquals(asJson(viaHttp.rows(state)), asJson(viaQueue.rows(state)), state);
                }
                assertFalse(viaQueue.rows("SELECT id FROM connections").isEmpty(), "something was projected");
                // the provider's headers are kept as over HTTP; the signature and the relay's source header are not
                String headers = viaQueue.text("SELECT headers FROM inbox_events WHERE event_type = 'note.added'");
                assertTrue(headers.contains("x-webhook-event") && headers.contains("content-type"), headers);
                assertFalse(headers.contains("signature") || headers.contains("\"source\""), headers);
                assertEquals(0, broker.ready(queue));
                assertEquals(0, broker.ready(deadLetters(queue)));
            }
        }
    }

    @Test
    void refusedMessages_endOnTheDeadLetterQueue_withTheirReason_andTheNextOneIsApplied() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.sqlite()) {
            String queue = broker.queue("refusals");
            try (RunningService service = RunningService.start(database, consuming(broker, queue));
                 Relay relay = new Relay(broker.url())) {
                awaitConsumer(broker, queue);
                byte[] good = ReceiveContract.card("card.viewed");
                Map<String, String> signed = relayHeaders(Source.TITANCARD, good);
                byte[] notJson = "this is not JSON".getBytes(StandardCharsets.UTF_8);
                byte[] tooLarge = ReceiveContract.paddedCardBody(RunningService.MAX_BODY_BYTES + 1);
                Map<String, String> plainText = new HashMap<>(signed);
                plainText.put("Content-Type", "text/plain");
                Map<String, String> wrong = new HashMap<>(signed);
                wrong.put("X-Webhook-Signature", "t=1,v1=00");

                relay.publish(queue, Source.TITANCARD, good, wrong);
                relay.publish(queue, Source.TITANCARD, notJson, relayHeaders(Source.TITANCARD, notJson));
                relay.publish(queue, Source.TITANCARD, tooLarge, relayHeaders(Source.TITANCARD, tooLarge));
                relay.publish(queue, Source.TITANCARD, good, plainText);
                // no source header at all, and one that names no provider
                broker.channel().basicPublish("", queue, new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                        .headers(new HashMap<>(signed)).contentType("application/json").build(), good);
                broker.channel().basicPublish("", queue, new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                        .headers(withSource(signed, "titanz")).contentType("application/json").build(), good);
                relay.publish(queue, Source.TITANCARD, good, signed);
                relay.confirmed();

                StoreQueries rows = new StoreQueries(database);
                Eventually.await("the good delivery applied after the refused ones", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == 1);
                Eventually.await("six dead letters", Duration.ofSeconds(60), () -> broker.ready(deadLetters(queue)) == 6);
                List<TestBroker.Message> dead = broker.drain(deadLetters(queue));
                Map<String, Long> reasons = dead.stream().collect(Collectors.groupingBy(m -> m.header("x-titan-rejection"),
                        TreeMap::new, Collectors.counting()));
                assertEquals(Map.of("invalid_signature", 1L, "malformed", 1L, "too_large", 1L, "unsupported_media_type", 1L,
                        "unknown_source", 2L), reasons);
                TestBroker.Message malformed = dead.stream().filter(m -> "malformed".equals(m.header("x-titan-rejection")))
                        .findFirst().orElseThrow();
                assertTrue(malformed.header("x-titan-rejection-detail") != null, "a malformed delivery says why");
                assertEquals("this is not JSON", new String(malformed.body(), StandardCharsets.UTF_8),
                        "the dead letter is the message as it came");
                // the malformed one is authentic, so it is kept, as over HTTP; the others never reach the store
                assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'malformed'"));
                assertEquals(2, rows.count("SELECT COUNT(*) FROM inbox_events"));
                assertEquals(0, broker.ready(queue), "nothing left behind on the queue");
                String metrics = service.get("/metrics").body();
                assertEquals(6.0, sum(metrics, "titan_queue_deliveries_total{disposition=\"dead_lettered\""), metrics);
                assertEquals(1.0, sum(metrics, "titan_queue_deliveries_total{disposition=\"acknowledged\""), metrics);
            }
        }
    }

    @Test
    void whatAnOperatorDeletes_isDeclaredAgain_noHotLoop_andNullsInHeadersStopNothing()
            throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.sqlite()) {
            String queue = broker.queue("tidied");
            try (RunningService service = RunningService.start(database, consuming(broker, queue));
                 Relay relay = new Relay(broker.url())) {
                awaitConsumer(broker, queue);
                // an operator tidying up: the dead-letter exchange goes while the service runs
                broker.channel().exchangeDelete(deadLetters(queue));
                byte[] notJson = "still not JSON".getBytes(StandardCharsets.UTF_8);
                relay.publish(queue, Source.TITANCARD, notJson, relayHeaders(Source.TITANCARD, notJson));
                // a header array holding a null, as a careless relay may send
                byte[] good = ReceiveContract.card("card.viewed");
                Map<String, Object> odd = new HashMap<>(withSource(relayHeaders(Source.TITANCARD, good), "titancard"));
                odd.put("x-forwarded-for", java.util.Arrays.asList("10.0.0.1", null));
                broker.channel().basicPublish("", queue, new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                        .headers(odd).contentType("application/json").build(), good);
                relay.confirmed();

                Eventually.await("the refused one dead-lettered once the exchange is back", Duration.ofSeconds(60), () ->
                        broker.ready(deadLetters(queue)) == 1);
                StoreQueries rows = new StoreQueries(database);
                Eventually.await("the good one applied", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == 1);
                assertEquals("malformed", broker.drain(deadLetters(queue)).get(0).header("x-titan-rejection"));
                // each return waits, so the malformed delivery was kept a few times at most, not once per millisecond
                long kept = rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'malformed'");
                assertTrue(kept >= 1 && kept <= 5, "the malformed delivery was kept " + kept + " times");
                assertEquals(0, broker.ready(queue), "nothing left behind");
                assertEquals(1, broker.consumers(queue), "still consuming");

                // the queue itself deleted under the service: it is declared again and consumed again
                broker.channel().queueDelete(queue);
                awaitConsumer(broker, queue);
                byte[] after = ReceiveContract.card("card.shared");
                relay.publish(queue, Source.TITANCARD, after, relayHeaders(Source.TITANCARD, after));
                relay.confirmed();
                Eventually.await("a delivery to the queue declared again applied", Duration.ofSeconds(60), () ->
                        rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == 2);
            }
        }
    }

    @Test
    void storeAwayForAMinute_nothingIsLostOrDeadLettered_andEverythingIsAppliedAfter() throws Exception {
        try (TestBroker broker = TestBroker.connect(); TestDatabase database = TestDatabase.postgres()) {
            String queue = broker.queue("outage");
            URI target = URI.create(database.settings().url().substring("jdbc:".length()));
            try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort())) {
                Map<String, String> env = new HashMap<>(consuming(broker, queue));
                env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath());
                env.put("DATABASE_CONNECT_TIMEOUT_SECONDS", "1");
                // no spool: the queue is what holds the deliveries while the store is away
                env.put("SPOOL_DIR", "off");
                try (RunningService service = RunningService.start(database, env); Relay relay = new Relay(broker.url())) {
                    awaitConsumer(broker, queue);
                    StoreQueries rows = new StoreQueries(database);
                    for (int i = 0; i < 10; i++) {
                        byte[] body = ReceiveContract.card("card.viewed");
                        relay.publish(queue, Source.TITANCARD, body, relayHeaders(Source.TITANCARD, body));
                    }
                    relay.confirmed();
                    Eventually.await("the first ten applied", Duration.ofSeconds(60), () ->
                            rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == 10);

                    proxy.cut();
                    for (int i = 0; i < 30; i++) {
                        byte[] body = ReceiveContract.card("card.viewed");
                        relay.publish(queue, Source.TITANCARD, body, relayHeaders(Source.TITANCARD, body));
                    }
                    relay.confirmed();
                    long cutAt = System.nanoTime();
                    Eventually.await("the consumer to find the store away", Duration.ofSeconds(60), () ->
                            sum(service.get("/metrics").body(), "titan_queue_deliveries_total{disposition=\"returned\"") > 0);
                    while (System.nanoTime() - cutAt < Duration.ofSeconds(OUTAGE_SECONDS).toNanos()) {
                        String metrics = service.get("/metrics").body();
                        assertEquals(10.0, sum(metrics, "titan_queue_deliveries_total{disposition=\"acknowledged\""),
                                "nothing acknowledged while the store is away");
                        assertEquals(0.0, sum(metrics, "titan_queue_deliveries_total{disposition=\"dead_lettered\""));
                        assertEquals(0, broker.ready(deadLetters(queue)), "nothing dead-lettered");
                        Thread.sleep(1_000);
                    }
                    double returned = sum(service.get("/metrics").body(),
                            "titan_queue_deliveries_total{disposition=\"returned\"");

                    proxy.restore();
                    Eventually.await("all forty applied after the outage", Duration.ofSeconds(90), () ->
                            rows.count("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'") == 40);
                    assertEquals(40, rows.count("SELECT COUNT(*) FROM inbox_events"), "each stored once");
                    Eventually.await("every message acknowledged", Duration.ofSeconds(60), () ->
                            sum(service.get("/metrics").body(), "titan_queue_deliveries_total{disposition=\"acknowledged\"") == 40.0);
                    assertEquals(0, broker.ready(queue));
                    assertEquals(0, broker.ready(deadLetters(queue)), "nothing dead-lettered");
                    // the back-off: a try a second at first, then as long as the outage so far (at most 15 s);
                    // a hot loop would return each message thousands of times
                    long expectedTries = 4 + OUTAGE_SECONDS / 15 + 4;
                    assertTrue(returned <= 30 * expectedTries, "returned " + returned + " times: a hot loop");
                    System.out.printf("QueueDeliveriesTest: %.0f returns of 30 messages during a %d s outage%n", returned,
                            OUTAGE_SECONDS);
                }
            }
        }
    }

    static Map<String, String> consuming(TestBroker broker, String queue) {
        return Map.of("AMQP_URL", broker.url(), "AMQP_DELIVERIES_QUEUE", queue,
                "AMQP_CHANGES_EXCHANGE", broker.exchange("changes-" + queue.substring(queue.lastIndexOf('.') + 1)));
    }

    static void awaitConsumer(TestBroker broker, String queue) {
        Eventually.await("the service to consume " + queue, Duration.ofSeconds(30), () -> broker.consumers(queue) == 1);
    }

    /** What a relay forwards of a provider's request: its content type, signature and event-type header. */
    static Map<String, String> relayHeaders(Source source, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(DeliveryHeaders.of(source).signature(), RunningService.sign(source, body));
        headers.put("User-Agent", source == Source.TITANX ? "TitanX-Webhooks/1.0" : "TitanCard-Webhooks/1.0");
        DeliveryHeaders.of(source).eventType().ifPresent(header -> {
            try {
                com.fasterxml.jackson.databind.JsonNode type = ReceiveContract.JSON.readTree(body).get("event");
                if (type != null) {
                    headers.put(header, type.asText());
                }
            } catch (java.io.IOException notJson) {
                // a body that is not JSON has no event type to repeat
            }
        });
        return headers;
    }

    private static Map<String, Object> withSource(Map<String, String> headers, String source) {
        Map<String, Object> copy = new HashMap<>(headers);
        copy.put("source", source);
        return copy;
    }

    /** The sum of the samples of every Prometheus line starting with {@code prefix}. */
    static double sum(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The dead-letter queue's name, as the adapter declares it. */
    static String deadLetters(String queue) {
        return queue + ".dead-letter";
    }

    /**
     * Rows of (key, state) with each state read as JSON: the same state, whichever order its events
     * arrived in, may list a map's members in another order in its text.
     */
    private static List<List<Object>> asJson(List<List<String>> rows) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        return rows.stream().map(row -> {
            try {
                return List.<Object>of(row.get(0), json.readTree(row.get(1)));
            } catch (java.io.IOException unreadable) {
                throw new AssertionError("a stored state is not JSON: " + row, unreadable);
            }
        }).toList();
    }
}
