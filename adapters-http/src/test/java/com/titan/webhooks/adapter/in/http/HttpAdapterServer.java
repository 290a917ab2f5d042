package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * The HTTP adapter alone on a real Grizzly server, in front of whatever use cases a test hands it
 * (Mockito mocks): the whole status contract, without a database.
 */
final class HttpAdapterServer implements AutoCloseable {

    static final String TOKEN = "adapter-test-token";
    static final int MAX_BODY_BYTES = 1024;

    private final WebServer server;
    private final ScheduledExecutorService responder = Executors.newScheduledThreadPool(1);
    // HTTP/1.1: the JDK client's h2c upgrade offer is a pitfall of its own (STACK.md)
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Both webhook endpoints in front of {@code receiver}, and the API's {@code resources}. */
    HttpAdapterServer(ReceiveDeliveryUseCase receiver, DeliveryCounter counter, Object... resources) {
        UnfinishedBodies unfinished = new UnfinishedBodies(2, Duration.ofSeconds(5), responder);
        List<DeliveryReception> receptions = Stream.of(Source.values())
                .map(source -> new DeliveryReception(source, receiver, MAX_BODY_BYTES, counter, responder, unfinished))
                .toList();
        server = WebServer.start("127.0.0.1", 0, HttpApi.of(resources), new ApiToken(Optional.of(TOKEN)),
                Duration.ofSeconds(5), receptions);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    }

    /** An API request with the token. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).header("Authorization", "Bearer " + TOKEN).GET());
    }

    /** One request written byte for byte, for what the JDK client will not send; the whole answer. */
    String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        responder.shutdownNow();
    }
}
