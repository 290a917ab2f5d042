package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idle and slow clients are bounded: they neither hold the server nor keep others waiting. */
class SlowClientsTest {

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
