package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a running service's query API and change feed over HTTP, as a consumer would. */
final class FeedClient {

    static final String TOKEN = "test-api-token";

    private final RunningService service;

    FeedClient(RunningService service) {
        this.service = service;
    }

    HttpResponse<String> get(String path) {
        return service.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).GET().build());
    }

    JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return ReceiveContract.json(response);
    }

    /** One page of the feed after {@code cursor} (null: from the oldest retained change). */
    JsonNode page(String cursor, String query) {
        return json("/api/changes?" + (cursor == null ? "" : "after=" + enc(cursor) + "&") + query);
    }

    /** The cursor after the last change committed now. */
    String head() {
        String cursor = null;
        while (true) {
            JsonNode page = page(cursor, "limit=1000");
            cursor = page.get("next_cursor").asText();
            if (page.get("changes").isEmpty()) {
                return cursor;
            }
        }
    }

    /** Every change after {@code cursor} committed now, in pages of {@code limit}. */
    List<JsonNode> drain(String cursor, int limit, String query) {
        List<JsonNode> changes = new ArrayList<>();
        while (true) {
            JsonNode page = page(cursor, "limit=" + limit + (query.isEmpty() ? "" : "&" + query));
            page.get("changes").forEach(changes::add);
            cursor = page.get("next_cursor").asText();
            if (page.get("changes").size() < limit) {
                return changes;
            }
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
