package com.titan.webhooks.bootstrap;

import com.titan.webhooks.application.port.in.DeliveryHeaders;
import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.adapter.out.persistence.DatabaseSettings;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real service, wired by {@link TitanWebhooks}, on a free port and a test database of its own,
 * with an HTTP/1.1 client to drive it and a second handle on the store to look inside.
 */
final class RunningService implements AutoCloseable {

    static final String TITANX_SECRET = "whsec_titanx_test_secret";
    static final String TITANCARD_SECRET = "whsec_titancard_test_secret";
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final TitanWebhooks service;
    private final Database store;
    /** The spool folder this instance was given, deleted when it stops; empty when the test chose one. */
    private final Optional<Path> ownSpool;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(TitanWebhooks service, Database store, Optional<Path> ownSpool) {
        this.service = service;
        this.store = store;
        this.ownSpool = ownSpool;
    }

    static RunningService start(TestDatabase database) {
        return start(database, Map.of());
    }

    static RunningService start(TestDatabase database, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", "0");
        env.put("DATABASE_URL", database.settings().url());
        if (database.settings().user() != null) {
            env.put("DATABASE_USER", database.settings().user());
            env.put("DATABASE_PASSWORD", database.settings().password());
        }
        env.put("TITANX_WEBHOOK_SECRETS", TITANX_SECRET);
        env.put("TITANCARD_WEBHOOK_SECRETS", "whsec_old_secret," + TITANCARD_SECRET);
        env.put("API_TOKEN", "test-api-token");
        env.put("MAX_BODY_BYTES", String.valueOf(MAX_BODY_BYTES));
        env.put("SHUTDOWN_GRACE_SECONDS", "2");
        // Hikari opens the whole pool at once; a small one lets many suites share one PostgreSQL
        env.put("DATABASE_POOL_SIZE", "6");
        env.putAll(overrides);
        env.values().removeIf(value -> value == null);
        // each instance needs a spool folder of its own (two in one test, as in TwoInstancesTest, too)
        Optional<Path> ownSpool = Optional.empty();
        if (!env.containsKey("SPOOL_DIR")) {
            try {
                ownSpool = Optional.of(Files.createTempDirectory("titan-spool-"));
            } catch (IOException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
            env.put("SPOOL_DIR", ownSpool.get().toString());
        }
        TitanWebhooks service;
        try {
            service = TitanWebhooks.start(Settings.from(env));
        } catch (RuntimeException refused) {
            ownSpool.ifPresent(TestDatabase::deleteRecursively);
            throw refused;
        }
        DatabaseSettings look = database.settings();
        Database store = Database.open(new DatabaseSettings(look.url(), look.user(), look.password(), 2,
                look.connectTimeout()));
        return new RunningService(service, store, ownSpool);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    int port() {
        return service.port();
    }

    /** A correctly signed delivery of {@code body} to the provider's endpoint. */
    HttpResponse<String> deliver(Source source, byte[] body) {
        return post(source, body, "application/json", sign(source, body), Map.of());
    }

    HttpResponse<String> post(Source source, byte[] body, String contentType, String signature,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/" + source.wireName()))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (signature != null) {
            request.header(DeliveryHeaders.of(source).signature(), signature);
        }
        headers.forEach(request::header);
        HttpResponse<String> answer = send(request.build());
        // every webhook answer any test sees is also held to the OpenAPI document
        OpenApiDocument.assertConforms(answer);
        return answer;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(Source source, byte[] body) {
        String secret = source == Source.TITANX ? TITANX_SECRET : TITANCARD_SECRET;
        return source.signaturePolicy().sign(body, new SigningSecret(secret));
    }

    /** A second pool on the service's store, to look at what it wrote. */
    Database store() {
        return store;
    }

    TitanWebhooks service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
        store.close();
        ownSpool.ifPresent(TestDatabase::deleteRecursively);
    }
}
