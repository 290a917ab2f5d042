package com.titan.webhooks.bootstrap;

import static com.titan.webhooks.bootstrap.ReceiveContract.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.domain.delivery.Source;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the operator's console reads, over plain HTTP: provenance on the aggregate routes, the
 * counts per status, the providers, one aggregate's history from the change feed, the decoded
 * event, and the console's own files. One subclass per store (the byte search differs).
 */
abstract class ConsoleApiContract extends RunningServiceContract {

    private static final String TOKEN = "Bearer test-api-token";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void outOfOrderPair_provenanceShowsWhichEventWonEachField_andTheValueThatLost() {
        String id = "conn-" + run;
        // the newer update arrives first, the older creation second: its full_name must lose
        String updated = deliverCard("connection.updated", 2_000, "{\"id\":\"" + id + "\",\"full_name\":\"Ada New\"}");
        String created = deliverCard("connection.created", 1_000, "{\"id\":\"" + id + "\",\"full_name\":\"Ada Old\","
                + "\"email\":\"ada-" + run + "@example.com\",\"tags\":[\"vip\"]}");
        awaitSettled(updated, created);

        JsonNode body = json(ok(api("/api/connections/" + id + "?provenance=true")));
        assertEquals("Ada New", body.get("full_name").asText());
        JsonNode provenance = body.get("provenance");
        assertEquals("Ada New", provenance.at("/fields/full_name/value").asText());
        assertEquals(updated, provenance.at("/fields/full_name/set_by/event_id").asText());
        assertEquals("1970-01-01T00:00:02Z", provenance.at("/fields/full_name/set_by/occurred_at").asText());
        assertEquals(created, provenance.at("/fields/email/set_by/event_id").asText());
        assertEquals("vip", provenance.at("/fields/tags/value").asText());
        assertEquals(created, provenance.at("/fields/tags/set_by/event_id").asText());

        JsonNode lost = provenance.get("lost");
        assertEquals(1, lost.size(), lost.toString());
        assertEquals("full_name", lost.get(0).get("field").asText());
        assertEquals("Ada Old", lost.get(0).get("value").asText());
        assertEquals(created, lost.get(0).get("event_id").asText());
        assertEquals(updated, lost.get(0).at("/lost_to/event_id").asText());

        assertFalse(provenance.at("/lifecycle/deleted").asBoolean());
        assertEquals(created, provenance.at("/lifecycle/created_by/event_id").asText());
        assertEquals(List.of(updated, created), ids(provenance.get("events"), "id"));
        assertTrue(provenance.get("events_complete").asBoolean());

        // without the flag the route answers as before
        assertFalse(json(ok(api("/api/connections/" + id))).has("provenance"));
        assertEquals(400, api("/api/connections/" + id + "?provenance=maybe").statusCode());
    }

    @Test
    void deletedConnection_provenanceShowsTheTombstone_andALateUpdateDoesNotResurrectIt() {
        String id = "gone-" + run;
        String created = deliverCard("connection.created", 1_000, "{\"id\":\"" + id + "\",\"full_name\":\"Bo\"}");
        String deleted = deliverCard("connection.deleted", 3_000, "{\"id\":\"" + id + "\"}");
        String late = deliverCard("connection.updated", 2_000, "{\"id\":\"" + id + "\",\"full_name\":\"Bo Late\"}");
        awaitSettled(created, deleted, late);

        JsonNode provenance = json(ok(api("/api/connections/" + id + "?provenance=true"))).get("provenance");
        assertTrue(provenance.at("/lifecycle/deleted").asBoolean());
        assertEquals(deleted, provenance.at("/lifecycle/deleted_by/event_id").asText());
        assertEquals("1970-01-01T00:00:03Z", provenance.at("/lifecycle/deleted_by/occurred_at").asText());
        assertEquals(late, provenance.at("/fields/full_name/set_by/event_id").asText(),
                "a field of a deleted connection still shows who set it last");
    }

    @Test
    void provenance_onCardsRemindersAndContacts() {
        String card = "card-" + run;
        String newer = deliverCard("card.updated", 5_000, "{\"card_id\":\"" + card + "\",\"name\":\"Newer\"}");
        String older = deliverCard("card.created", 4_000, "{\"card_id\":\"" + card + "\",\"name\":\"Older\"}");
        String reminder = deliverCard("reminder.created", 4_000, "{\"id\":\"rem-" + run + "\",\"connection_id\":\"x-"
                + run + "\",\"message\":\"Call\",\"status\":\"pending\"}");
        String contactKey = "contact-" + run;
        HttpResponse<String> scored = service.deliver(Source.TITANX, ("{\"payload\":{\"id\":\"" + contactKey
                + "\",\"firstName\":\"Ada\"},\"eventType\":\"job.contact.scored\",\"timestamp\":3000,\"apiVersion\":\"v2\","
                + "\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        String contact = json(scored).get("event_id").asText();
        awaitSettled(newer, older, reminder, contact);

        JsonNode cardProvenance = json(ok(api("/api/cards/" + card + "?provenance=true"))).get("provenance");
        assertEquals(newer, cardProvenance.at("/fields/name/set_by/event_id").asText());
        assertEquals("Older", cardProvenance.at("/lost/0/value").asText());
        assertEquals(reminder, json(ok(api("/api/reminders/rem-" + run + "?provenance=true")))
                .at("/provenance/fields/message/set_by/event_id").asText());
        assertEquals(contact, json(ok(api("/api/contacts/" + contactKey + "?provenance=true")))
                .at("/provenance/fields/firstName/set_by/event_id").asText());
        assertEquals(404, api("/api/cards/nothing-" + run + "?provenance=true").statusCode());
    }

    @Test
    void eventDetail_decodesTheEvent_andTheListNamesTheAggregate() {
        String id = "dec-" + run;
        String event = deliverCard("connection.status_changed", 7_000, "{\"id\":\"" + id + "\",\"new_status\":\"won\"}");
        awaitSettled(event);

        JsonNode detail = json(ok(api("/api/events/" + event)));
        assertEquals("connection", detail.at("/decoded/aggregate").asText());
        assertEquals(id, detail.at("/decoded/aggregate_id").asText());
        assertEquals("status_changed", detail.at("/decoded/change").asText());
        assertEquals("won", detail.at("/decoded/fields/status").asText());
        detail.get("headers").fieldNames().forEachRemaining(name ->
                assertFalse(name.toLowerCase().contains("signature"), "a signature header was kept: " + name));

        JsonNode listed = json(ok(api("/api/events?type=connection.status_changed&limit=500"))).get("items");
        JsonNode item = null;
        for (JsonNode each : listed) {
            item = each.get("id").asText().equals(event) ? each : item;
        }
        assertEquals(id, item.at("/aggregate/id").asText());
        assertEquals("connection", item.at("/aggregate/type").asText());

        HttpResponse<String> unknownType = service.deliver(Source.TITANCARD, ("{\"event\":\"card.exploded\","
                + "\"timestamp\":1,\"data\":{\"n\":\"" + run + "\"}}").getBytes(StandardCharsets.UTF_8));
        String ignored = json(unknownType).get("event_id").asText();
        assertTrue(json(ok(api("/api/events/" + ignored))).get("decoded").isNull(), "no handler: nothing decoded");
    }

    @Test
    void counts_perStatus_followTheFilters() {
        String type = "custom." + run;
        for (int i = 0; i < 3; i++) {
            service.deliver(Source.TITANCARD, ("{\"event\":\"" + type + "\",\"timestamp\":" + i + ",\"data\":{}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Eventually.await("three ignored events", Duration.ofSeconds(10), () -> json(ok(api("/api/events/counts?type="
                + type))).at("/counts/ignored").asLong() == 3);
        JsonNode counts = json(ok(api("/api/events/counts?type=" + type)));
        assertEquals(3, counts.get("total").asLong());
        for (String status : new String[] {"received", "processed", "failed", "parked", "malformed"}) {
            assertEquals(0, counts.at("/counts/" + status).asLong(), status);
        }
        assertEquals(0, json(ok(api("/api/events/counts?type=" + type + "&source=titanx"))).get("total").asLong());
        assertEquals(0, json(ok(api("/api/events/counts?type=" + type + "&status=parked"))).get("total").asLong());
        assertTrue(json(ok(api("/api/events/counts"))).get("total").asLong() >= 3);
        assertEquals("invalid_parameter", json(api("/api/events/counts?status=lost")).get("error").asText());
        assertEquals(400, api("/api/events/counts?since=yesterday").statusCode());
    }

    @Test
    void providers_showLastAcceptedFailuresAndPerMinuteCounts() {
        String event = deliverCard("card.viewed", 9_000, "{\"card_id\":\"pm-" + run + "\"}");
        awaitSettled(event);
        // a stranger's junk is not the provider's failure; an authentic body that is not JSON is
        assertEquals(401, service.post(Source.TITANCARD, "{}".getBytes(StandardCharsets.UTF_8), "application/json",
                "sha256=00", Map.of()).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(400, service.deliver(Source.TITANCARD, ("not json " + i + run).getBytes(StandardCharsets.UTF_8))
                    .statusCode());
        }

        JsonNode providers = json(ok(api("/api/providers"))).get("providers");
        assertEquals(2, providers.size());
        JsonNode card = null;
        for (JsonNode provider : providers) {
            card = provider.get("source").asText().equals("titancard") ? provider : card;
        }
        assertEquals(3, card.get("consecutive_failures").asInt(), "three refused in a row");
        assertEquals(5, card.get("disabled_at_failures").asInt());
        assertFalse(card.get("last_accepted_at").isNull());
        assertEquals(60, card.get("accepted_per_minute").size());
        long lastTwoMinutes = card.get("accepted_per_minute").get(59).asLong() + card.get("accepted_per_minute").get(58).asLong();
        assertTrue(lastTwoMinutes >= 1, card.toString());
        assertFalse(card.get("quiet").asBoolean(), "just heard from");
        assertEquals(30, card.get("quiet_after_minutes").asInt());

        // the next accepted delivery ends the run
        awaitSettled(deliverCard("card.viewed", 9_001, "{\"card_id\":\"pm-" + run + "\"}"));
        for (JsonNode provider : json(ok(api("/api/providers"))).get("providers")) {
            assertEquals(0, provider.get("consecutive_failures").asInt(), provider.toString());
        }
    }

    @Test
    void changes_filteredToOneAggregate() {
        String id = "hist-" + run;
        String other = "other-" + run;
        String first = deliverCard("connection.created", 1_000, "{\"id\":\"" + id + "\",\"full_name\":\"One\"}");
        awaitSettled(first);
        String second = deliverCard("connection.updated", 2_000, "{\"id\":\"" + id + "\",\"full_name\":\"Two\"}");
        awaitSettled(second, deliverCard("connection.created", 1_500, "{\"id\":\"" + other + "\"}"));

        JsonNode changes = json(ok(api("/api/changes?aggregate=connection&aggregate_id=" + id + "&limit=1000"))).get("changes");
        assertEquals(List.of(first, second), ids(changes, "event_id"));
        changes.forEach(change -> assertEquals(id, change.get("id").asText()));
        assertEquals("invalid_parameter", json(api("/api/changes?aggregate_id=" + id)).get("error").asText());
        assertEquals(400, api("/api/changes?aggregate=connection,card&aggregate_id=" + id).statusCode());
    }

    @Test
    void newRoutes_without_orWithAWrongToken_are401() {
        for (String path : new String[] {"/api/events/counts", "/api/providers", "/api/connections/x?provenance=true",
                "/api/changes?aggregate=card&aggregate_id=x"}) {
            HttpResponse<String> none = service.get(path);
            assertEquals(401, none.statusCode(), path);
            assertEquals("unauthorized", json(none).get("error").asText());
            assertEquals(401, get(path, "Bearer wrong").statusCode(), path);
        }
    }

    @Test
    void console_isServedWithoutAToken_underAStrictContentSecurityPolicy() {
        HttpResponse<String> page = service.get("/console");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                && policy.contains("connect-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("http"), policy);
        assertTrue(page.body().contains("<script type=\"module\" src=\"/console/app.js\">"));
        assertEquals(page.body(), service.get("/console/").body());
        assertEquals(page.body(), service.get("/console/index.html").body());

        long total = 0;
        for (String file : new String[] {"app.js", "api.js", "dom.js", "inbox.js", "event.js", "providers.js",
                "aggregate.js", "console.css", "favicon.svg"}) {
            HttpResponse<String> asset = service.get("/console/" + file);
            assertEquals(200, asset.statusCode(), file);
            assertEquals("nosniff", asset.headers().firstValue("X-Content-Type-Options").orElseThrow());
            total += asset.body().getBytes(StandardCharsets.UTF_8).length;
            assertFalse(asset.body().contains("//cdn") || asset.body().contains("https://"), file + " loads from elsewhere");
        }
        total += page.body().length();
        assertTrue(total < 200 * 1024, "the console weighs " + total + " bytes");

        assertEquals(404, service.get("/console/secrets.txt").statusCode());
        assertEquals("not_found", json(service.get("/console/app.js.map")).get("error").asText());
        HttpResponse<String> posted = service.send(HttpRequest.newBuilder(service.uri("/console"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, posted.statusCode());
    }

    private String deliverCard(String type, long timestamp, String data) {
        byte[] body = ("{\"event\":\"" + type + "\",\"timestamp\":" + timestamp + ",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = service.deliver(Source.TITANCARD, body);
        assertEquals(202, answer.statusCode(), type + ": " + answer.body());
        return json(answer).get("event_id").asText();
    }

    private void awaitSettled(String... events) {
        for (String event : events) {
            Eventually.await("event " + event + " to be applied", Duration.ofSeconds(10), () ->
                    rows.count("SELECT COUNT(*) FROM inbox_events WHERE id = ? AND status NOT IN ('received', 'failed')",
                            event) == 1);
        }
    }

    private HttpResponse<String> api(String path) {
        return get(path, TOKEN);
    }

    private HttpResponse<String> get(String path, String authorization) {
        return service.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", authorization).GET().build());
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }
}
