package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The built jar as a process: under load, SIGTERM stops it gracefully with exit code 0, and every
 * delivery it acknowledged with a 2xx is in the store.
 */
class GracefulShutdownIT {

    static final String SECRET = "whsec_shutdown";

    @Test
    void sigtermDuringLoad_exits0_andKeepsEveryAcknowledgedDelivery() throws Exception {
        try (TestDatabase database = TestDatabase.sqlite()) {
            int port = freePort();
            Process service = start(database, port);
            try {
                awaitLive(port);
                ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
                AtomicBoolean sending = new AtomicBoolean(true);
                ExecutorService senders = Executors.newFixedThreadPool(8);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2)).build();
                for (int i = 0; i < 8; i++) {
                    senders.submit(() -> {
                        while (sending.get()) {
                            send(client, port, acknowledged);
                        }
                        return null;
                    });
                }
                Thread.sleep(1_500);
                // on a busy machine 1.5 s proves too little: go on until enough were acknowledged
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (acknowledged.size() < CrashRecoveryIT.ENOUGH && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                service.destroy(); // SIGTERM
                assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service did not stop within 30 s");
                sending.set(false);
                senders.shutdown();
                senders.awaitTermination(10, TimeUnit.SECONDS);

                assertEquals(0, service.exitValue());
                assertTrue(acknowledged.size() > 50, "too little load to prove anything: " + acknowledged.size());
                StoreQueries rows = new StoreQueries(database);
                for (String eventId : acknowledged) {
                    assertEquals(1, rows.count("SELECT COUNT(*) FROM inbox_events WHERE id = ?", eventId),
                            "acknowledged event " + eventId + " is not stored");
                }
            } finally {
                service.destroyForcibly();
            }
        }
    }

    private static void send(HttpClient client, int port, ConcurrentLinkedQueue<String> acknowledged) {
        byte[] body = ReceiveContract.card("card.viewed");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/titancard"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Signature", Source.TITANCARD.signaturePolicy().sign(body, new SigningSecret(SECRET)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                acknowledged.add(ReceiveContract.json(response).get("event_id").asText());
            }
        } catch (IOException refusedDuringShutdown) {
            // no answer: the provider's to retry
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Process start(TestDatabase database, int port) throws IOException {
        return start(database, port, java.util.Map.of());
    }

    static Process start(TestDatabase database, int port, java.util.Map<String, String> overrides) throws IOException {
        String jar = System.getProperty("titan.jar", "target/titan-webhooks.jar");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "serve"));
        builder.environment().put("HTTP_PORT", String.valueOf(port));
        builder.environment().put("HTTP_HOST", "127.0.0.1");
        builder.environment().put("DATABASE_URL", database.settings().url());
        if (database.isPostgres()) {
            builder.environment().put("DATABASE_USER", database.settings().user());
            builder.environment().put("DATABASE_PASSWORD", database.settings().password());
        }
        builder.environment().put("TITANCARD_WEBHOOK_SECRETS", SECRET);
        builder.environment().put("SHUTDOWN_GRACE_SECONDS", "10");
        builder.environment().put("LOG_LEVEL", "INFO");
        // each instance needs a spool folder of its own; a restart on the same port finds the one it left
        builder.environment().put("SPOOL_DIR", Path.of("target", "test-spools",
                Integer.toHexString(database.settings().url().hashCode()) + "-" + port).toAbsolutePath().toString());
        builder.environment().putAll(overrides);
        builder.redirectErrorStream(true);
        // kept, so that LogLeakIT also reads what the jar itself logged
        Path logs = Path.of("target", "test-logs");
        java.nio.file.Files.createDirectories(logs);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("jar-" + port + ".log").toFile()));
        return builder.start();
    }

    static void awaitLive(int port) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // a deadline for a JVM start and the migrations, not a timing: generous, for a machine that CI shares
        Eventually.await("the jar to answer /health/live", Duration.ofSeconds(90), () -> {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
