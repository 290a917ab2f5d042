package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idle and slow clients are bounded: they neither hold the server nor keep others waiting. */
class SlowClientsTest {

    private static final int SLOW_PER_ROUTE = 64;
    private static final int SLOW_ADDRESSES = 16;

    /**
     * 64 connections on each webhook endpoint (and on two Jersey routes) send a body one byte every
     * 2 s, from 16 loopback addresses; meanwhile honest signed deliveries are answered in under a
     * second and /health/live in under 100 ms. The slow ones are held (not turned away) until their
     * deadline, and then answered 408.
     */
    @Test
    void slowBodiesOnEveryEndpoint_delayNeitherAnHonestDeliveryNorHealth() throws Exception {
        try (TestDatabase database = TestDatabase.sqlite();
             RunningService service = RunningService.start(database, Map.of("HTTP_READ_TIMEOUT_SECONDS", "6"))) {
            for (int i = 0; i < 5; i++) {
                assertEquals(202, service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed")).statusCode());
                assertEquals(200, service.get("/health/live").statusCode());
            }
            Map<String, List<Socket>> slow = new LinkedHashMap<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                for (String route : List.of("/webhooks/titanx", "/webhooks/titancard", "/api/events/replay?status=parked",
                        "/health/live")) {
                    List<Socket> sockets = new ArrayList<>();
                    for (int i = 0; i < SLOW_PER_ROUTE; i++) {
                        sockets.add(slowRequest(service, route, InetAddress.getByName("127.0.0." + (2 + i % SLOW_ADDRESSES))));
                    }
                    slow.put(route, sockets);
                }
                long opened = System.nanoTime();
                trickle.scheduleAtFixedRate(() -> slow.values().forEach(sockets -> sockets.forEach(SlowClientsTest::oneByte)),
                        2, 2, TimeUnit.SECONDS);
                Thread.sleep(2_500);

                long worstDelivery = 0;
                for (Source source : Source.values()) {
                    byte[] body = source == Source.TITANX ? ReceiveContract.titanX(java.util.UUID.randomUUID().toString(), "v2")
                            : ReceiveContract.card("card.viewed");
                    long started = System.nanoTime();
                    assertEquals(202, service.deliver(source, body).statusCode());
                    worstDelivery = Math.max(worstDelivery, (System.nanoTime() - started) / 1_000_000);
                }
                List<Long> health = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    long started = System.nanoTime();
                    assertEquals(200, service.get("/health/live").statusCode());
                    health.add((System.nanoTime() - started) / 1_000);
                }
                long seconds = (System.nanoTime() - opened) / 1_000_000_000L;
                System.out.println("SlowClientsTest: " + slow.values().stream().mapToInt(List::size).sum()
                        + " slow connections; worst honest delivery " + worstDelivery + " ms; /health/live (µs) " + health);
                assertTrue(worstDelivery < 1_000, "an honest delivery took " + worstDelivery + " ms");
                assertTrue(health.stream().allMatch(micros -> micros < 100_000), "/health/live took (µs) " + health);
                assertTrue(seconds < 6, "measured before the slow bodies' deadline (" + seconds + " s)");

                for (String route : List.of("/webhooks/titanx", "/webhooks/titancard")) {
                    for (Socket socket : slow.get(route)) {
                        socket.setSoTimeout(10_000);
                        String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                        assertEquals("HTTP/1.1 408", answer, route + ": held until the deadline, then timed out");
                    }
                }
            } finally {
                trickle.shutdownNow();
                for (List<Socket> sockets : slow.values()) {
                    for (Socket socket : sockets) {
                        socket.close();
                    }
                }
            }
            assertEquals(0, new StoreQueries(database).count("SELECT COUNT(*) FROM inbox_events WHERE headers LIKE '%slow%'"));
        }
    }

    @Test
    void oneAddressWithTooManyUnfinishedBodies_isTurnedAway_othersAreNot() throws Exception {
        try (TestDatabase database = TestDatabase.sqlite();
             RunningService service = RunningService.start(database, Map.of("HTTP_MAX_PENDING_BODIES_PER_CLIENT", "4"))) {
            InetAddress greedy = InetAddress.getByName("127.0.0.2");
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    sockets.add(slowRequest(service, "/webhooks/titancard", greedy));
                }
                // the server takes requests in parallel: let it take these four in before the fifth arrives
                Thread.sleep(1_000);
                Socket fifth = slowRequest(service, "/webhooks/titanx", greedy);
                sockets.add(fifth);
                fifth.setSoTimeout(5_000);
                String answer = answer(fifth);
                assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
                assertTrue(answer.contains("{\"error\":\"too_many_requests\"}"), answer);

                Socket other = slowRequest(service, "/webhooks/titanx", InetAddress.getByName("127.0.0.3"));
                sockets.add(other);
                other.setSoTimeout(500);
                assertThrows(java.net.SocketTimeoutException.class, () -> other.getInputStream().read(),
                        "another address is still let in");
                assertEquals(202, service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed")).statusCode());
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            Eventually.await("the places of closed connections to be given back", Duration.ofSeconds(15), () -> {
                try (Socket again = slowRequest(service, "/webhooks/titancard", greedy)) {
                    again.setSoTimeout(300);
                    again.getInputStream().read();
                    return false;
                } catch (java.net.SocketTimeoutException held) {
                    return true;
                } catch (IOException refused) {
                    return false;
                }
            });
        }
    }

    /** Headers of a signed-looking POST with a 1,000-byte body, and its first byte, from {@code from}. */
    private static Socket slowRequest(RunningService service, String target, InetAddress from) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), service.port(), from, 0);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slow: slow\r\n"
                + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The status line, headers and JSON body of the one answer on {@code socket}. */
    private static String answer(Socket socket) throws IOException {
        StringBuilder text = new StringBuilder();
        InputStream in = socket.getInputStream();
        int c;
        while ((c = in.read()) != -1) {
            text.append((char) c);
            if (c == '}') {
                break;
            }
        }
        return text.toString();
    }

    private static void oneByte(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
            socket.getOutputStream().flush();
        } catch (IOException closedByTheServer) {
            // answered and closed (the Jersey routes answer without reading a body): nothing to hold
        }
    }

    @Test
    void hundredsOfIdleConnections_doNotStopOtherRequests() throws IOException {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    idle.add(new Socket("127.0.0.1", service.port()));
                }
                long started = System.nanoTime();
                assertEquals(202, service.deliver(Source.TITANCARD, ReceiveContract.card("card.viewed")).statusCode());
                assertTrue(System.nanoTime() - started < 5_000_000_000L, "served promptly despite 300 idle connections");
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void clientThatStallsMidBody_isCutOffByTheReadTimeout_andStoresNothing() throws IOException {
        try (TestDatabase database = TestDatabase.sqlite();
             RunningService service = RunningService.start(database, Map.of("HTTP_READ_TIMEOUT_SECONDS", "1"))) {
            byte[] body = ReceiveContract.card("card.created");
            try (Socket slow = new Socket("127.0.0.1", service.port())) {
                slow.setSoTimeout(10_000);
                OutputStream out = slow.getOutputStream();
                out.write(("POST /webhooks/titancard HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "X-Webhook-Signature: " + RunningService.sign(Source.TITANCARD, body) + "\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                long started = System.nanoTime();
                InputStream in = slow.getInputStream();
                String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                long waited = (System.nanoTime() - started) / 1_000_000;
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), "answered: " + answer);
                assertTrue(waited < 8_000, "held for " + waited + " ms");
            }
            assertEquals(0, new StoreQueries(database).count("SELECT COUNT(*) FROM inbox_events"));
            assertEquals(202, service.deliver(Source.TITANCARD, body).statusCode(), "others are still served");
        }
    }
}
