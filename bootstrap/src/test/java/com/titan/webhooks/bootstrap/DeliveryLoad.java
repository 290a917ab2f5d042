package com.titan.webhooks.bootstrap;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Steady load on a service that is about to be hurt: eight senders post unique notes and keep
 * what each got: an acknowledged event id, or nothing (the sender's to retry).
 */
final class DeliveryLoad implements AutoCloseable {

    private final ConcurrentLinkedQueue<CrashRecoveryIT.Sent> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> unanswered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final ExecutorService senders = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    DeliveryLoad(int port) {
        for (int i = 0; i < 8; i++) {
            senders.submit(() -> {
                while (sending.get()) {
                    byte[] body = CrashRecoveryIT.note();
                    try {
                        HttpResponse<String> response = CrashRecoveryIT.post(client, port, body);
                        if (response.statusCode() / 100 == 2) {
                            acknowledged.add(new CrashRecoveryIT.Sent(body,
                                    ReceiveContract.json(response).get("event_id").asText()));
                        } else {
                            unanswered.add(body);
                        }
                    } catch (IOException noAnswer) {
                        unanswered.add(body);
                    }
                }
                return null;
            });
        }
    }

    /**
     * Lets the load run for at least {@code least}, and on until {@code count} deliveries were
     * acknowledged (at most {@code most}): on a busy machine a fixed time proves too little.
     */
    void runFor(long least, int count, Duration most) throws InterruptedException {
        Thread.sleep(least);
        long deadline = System.nanoTime() + most.toNanos();
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    ConcurrentLinkedQueue<CrashRecoveryIT.Sent> acknowledged() {
        return acknowledged;
    }

    ConcurrentLinkedQueue<byte[]> unanswered() {
        return unanswered;
    }

    HttpClient client() {
        return client;
    }

    /** Stops sending; every delivery in flight ends acknowledged or unanswered. */
    @Override
    public void close() throws InterruptedException {
        sending.set(false);
        senders.shutdown();
        if (!senders.awaitTermination(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the senders did not stop");
        }
    }
}
