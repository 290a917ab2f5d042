package com.titan.webhooks.bootstrap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * The command line's view of a running service: waits until it answers {@code /health/ready}, so
 * that a command started right after the service (as in the README's Quick start) does not race
 * its start-up, and turns connection failures into sentences.
 */
final class Readiness {

    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient client;
    private final URI base;

    Readiness(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    /** Returns once the service is ready; throws, saying why not, after {@code patience}. Zero: no wait. */
    void await(Duration patience) throws InterruptedException {
        if (patience.isZero()) {
            return;
        }
        Instant deadline = Instant.now().plus(patience);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(5))
                .GET().build();
        String last;
        do {
            try {
                HttpResponse<String> answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = "it answers " + answer.statusCode() + " " + answer.body();
            } catch (IOException failed) {
                last = reason(failed);
            }
            Thread.sleep(POLL.toMillis());
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException("the service at " + base + " is not ready after " + patience.toSeconds()
                + " s: " + last);
    }

    /** Sends one request; a failure to reach the service becomes one readable line. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request, URI base) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new IllegalStateException("cannot reach the service at " + base + ": " + reason(failed));
        }
    }

    private static String reason(IOException failed) {
        if (failed instanceof ConnectException) {
            return "connection refused (is it running, on this port?)";
        }
        if (failed instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return Main.describe(failed);
    }
}
