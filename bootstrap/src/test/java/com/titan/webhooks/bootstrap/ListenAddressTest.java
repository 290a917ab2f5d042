package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service listens exactly where HTTP_HOST and HTTP_PORT say, IPv6 literals included. */
class ListenAddressTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void ipv6Loopback_andTheGivenPort_areHonoured() throws Exception {
        servedAt("::1", "http://[::1]:%d/health/live");
    }

    @Test
    void ipv6Wildcard_listensOnTheGivenPort() throws Exception {
        servedAt("::", "http://[::1]:%d/health/live");
    }

    @Test
    void hostName_isResolvedAndBound() throws Exception {
        servedAt("localhost", "http://localhost:%d/health/live");
    }

    /** Starts the service on {@code host} and a free port, and checks that it answers at {@code uri} there. */
    private void servedAt(String host, String uri) throws Exception {
        int port = freePort();
        try (TestDatabase database = TestDatabase.sqlite();
             RunningService service = RunningService.start(database, Map.of("HTTP_HOST", host,
                     "HTTP_PORT", String.valueOf(port)))) {
            assertEquals(port, service.port());
            assertEquals(200, live(String.format(uri, port)));
            if (host.equals("::1")) {
                assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close(),
                        "bound to ::1 only, not to every interface");
            }
        }
    }

    private int live(String uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
