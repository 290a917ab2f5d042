package com.titan.webhooks.bootstrap;

import static com.titan.webhooks.bootstrap.ReceiveContract.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.domain.delivery.Source;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query API over HTTP: every route, its filters, pagination across pages, 401 and 404. Data
 * goes in as signed deliveries, exactly as in production. One subclass per store.
 */
abstract class QueryApiContract extends RunningServiceContract {

    private static final String TOKEN = "test-api-token";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void seed() {
        for (int i = 0; i < 5; i++) {
            String status = i < 3 ? "qualified" : "new";
            deliverCard("connection.created", 1000 + i, "{\"id\":\"" + conn(i) + "\",\"full_name\":\"Person " + i
                    + "\",\"email\":\"P" + i + "-" + run + "@Example.com\",\"phone\":\"+1-555-000-" + run.substring(0, 4)
                    + i + "\",\"status\":\"" + status + "\",\"notes\":\"met at the booth\",\"tags\":[\"" + run
                    + "\",\"t" + (i % 2) + "\"]}");
        }
        deliverCard("connection.deleted", 5000, "{\"id\":\"" + conn(4) + "\"}");
        deliverCard("note.added", 2000, "{\"id\":\"note-" + run + "\",\"connection_id\":\"" + conn(0)
                + "\",\"note_content\":\"Great call\"}");
        deliverCard("enrichment.completed", 2100, "{\"connection_id\":\"" + conn(0)
                + "\",\"enriched_fields\":[\"title\"],\"status\":\"success\",\"provider\":\"clearbit\"}");
        deliverCard("reminder.created", 2200, "{\"id\":\"rem-" + run + "\",\"connection_id\":\"" + conn(0)
                + "\",\"scheduled_for\":1705507200000,\"message\":\"Follow up\",\"status\":\"pending\",\"type\":\"follow_up\"}");
        deliverCard("reminder.due", 2300, "{\"id\":\"rem2-" + run + "\",\"connection_id\":\"" + conn(1)
                + "\",\"scheduled_for\":1705600000000,\"status\":\"due\"}");
        deliverCard("card.shared", 2400, "{\"card_id\":\"card-" + run + "\",\"card_name\":\"John\",\"share_source\":\"nfc\","
                + "\"total_views\":142,\"total_shares\":28,\"viewer_country\":\"Germany\",\"viewer_city\":\"Berlin\"}");
        byte[] scored = ("{\"payload\":{\"id\":\"contact-" + run + "\",\"firstName\":\"Ada\",\"email\":\"p0-" + run
                + "@example.com\",\"phone\":\"+1 555 000 9999\",\"phoneStatus\":\"high\",\"phoneType\":\"mobile\","
                + "\"leadStatus\":\"high-" + run + "\"},\"eventType\":\"job.contact.scored\",\"timestamp\":3000,"
                + "\"apiVersion\":\"v2\",\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(202, service.deliver(Source.TITANX, scored).statusCode());
        Eventually.await("the worker to apply every event", Duration.ofSeconds(10), () ->
                rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0);
    }

    @Test
    void everyApiRoute_without_orWithAWrongToken_is401() {
        for (String path : new String[] {"/api/connections", "/api/connections/x", "/api/cards", "/api/cards/x",
                "/api/reminders", "/api/reminders/x", "/api/contacts", "/api/contacts/x", "/api/events", "/api/events/x"}) {
            HttpResponse<String> none = service.get(path);
            assertEquals(401, none.statusCode(), path);
            assertEquals("unauthorized", json(none).get("error").asText());
            assertEquals(401, get(path, "Bearer wrong-token").statusCode(), path);
            assertEquals(401, get(path, TOKEN).statusCode(), path + " without the Bearer scheme");
        }
        assertEquals(401, post("/api/events/replay?status=parked", "Bearer nope").statusCode());
    }

    @Test
    void bearerScheme_isCaseInsensitive() {
        for (String scheme : new String[] {"bearer", "BEARER", "bEaReR"}) {
            assertEquals(200, get("/api/connections?tag=" + run, scheme + " " + TOKEN).statusCode(), scheme);
        }
        assertEquals(401, get("/api/connections", "Basic " + TOKEN).statusCode());
        assertEquals(401, get("/api/connections", "Bearer" + TOKEN).statusCode());
    }

    /**
     * The second lock, on its own: the resources themselves refuse a token-less request, even one
     * that never passed the front door (run here through Jersey directly, the door left out).
     */
    @Test
    void apiResources_refuseATokenlessRequest_evenPastTheFrontDoor() throws Exception {
        ApplicationHandler jersey = new ApplicationHandler(service.service().application());
        for (String path : new String[] {"/api/connections", "/api/connections/" + conn(0), "/api/cards", "/api/reminders",
                "/api/contacts", "/api/events"}) {
            assertEquals(401, inProcess(jersey, path, null), path);
            assertEquals(401, inProcess(jersey, "/api;x=1" + path.substring(4), null), path + " with a matrix parameter");
            int dotted = inProcess(jersey, "/./api" + path.substring(4), null);
            assertTrue(dotted == 401 || dotted == 404, path + " with a dot segment: " + dotted);
            assertEquals(401, inProcess(jersey, path, "Bearer wrong-token"), path);
            assertEquals(200, inProcess(jersey, path, "bearer " + TOKEN), path);
        }
        for (String path : new String[] {"/api/changes", "/api/scoring-jobs/x", "/api/events/counts", "/api/providers"}) {
            assertEquals(401, inProcess(jersey, path, null), path);
            assertEquals(401, inProcess(jersey, "/api;x=1" + path.substring(4), null), path + " with a matrix parameter");
            assertTrue(inProcess(jersey, path, "Bearer " + TOKEN) != 401, path + " with the token");
        }
        assertEquals(200, inProcess(jersey, "/health/live", null), "health is open");
    }

    private static int inProcess(ApplicationHandler jersey, String path, String authorization) throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                URI.create("http://localhost" + path), "GET", null, new MapPropertiesDelegate(), jersey.getConfiguration());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return jersey.apply(request).get().getStatus();
    }

    /**
     * Every route and method, under every spelling a router might take for it (matrix parameters,
     * doubled or dotted segments, encoded slashes, case, a trailing slash, {@code ..}), without a
     * token: 401 or 404, never data, and nothing replayed.
     */
    @Test
    void everyRouteAndMethod_underEverySpellingOfItsPath_withoutAToken_is401or404() {
        String event = json(api("/api/events?source=titancard&type=note.added&limit=1")).get("items").get(0).get("id")
                .asText();
        List<String> routes = List.of("/api/connections", "/api/connections/" + conn(0), "/api/cards",
                "/api/cards/card-" + run, "/api/reminders", "/api/reminders/rem-" + run, "/api/contacts",
                "/api/contacts/contact-" + run, "/api/events", "/api/events/" + event, "/api/events/" + event + "/replay",
                "/api/events/replay");
        String processedBefore = rows.text("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'");
        int tried = 0;
        for (String route : routes) {
            for (String variant : spellings(route)) {
                for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}) {
                    String target = variant + (route.endsWith("/replay") ? "?status=processed" : "");
                    for (String authorization : new String[] {null, "Bearer wrong-token", TOKEN}) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(target))
                                .method(method, HttpRequest.BodyPublishers.noBody());
                        if (authorization != null) {
                            request.header("Authorization", authorization);
                        }
                        HttpResponse<String> response = service.send(request.build());
                        String what = method + " " + target + " with " + authorization;
                        assertTrue(response.statusCode() == 401 || response.statusCode() == 404,
                                what + ": " + response.statusCode() + " " + response.body());
                        assertFalse(response.body().contains(run) || response.body().contains(event), what + " leaked data");
                        tried++;
                    }
                }
            }
        }
        assertEquals(processedBefore, rows.text("SELECT COUNT(*) FROM inbox_events WHERE status = 'processed'"),
                "nothing was replayed");
        System.out.println(getClass().getSimpleName() + ": " + tried + " token-less requests over every route, method and"
                + " spelling: all 401 or 404");
        assertTrue(tried > 2_000, "tried " + tried);
    }

    private static List<String> spellings(String route) {
        String rest = route.substring("/api".length());
        String firstRest = rest.isEmpty() ? "" : rest.substring(1);
        List<String> variants = new ArrayList<>(List.of(route, "/api;" + rest, "/api;x=1" + rest,
                "/api;jsessionid=1" + rest, "//api" + rest, "/api/" + rest, "/./api" + rest, "/api/." + rest,
                "/x/../api" + rest, "/x/..%2Fapi" + rest, "/api/x/.." + rest, "/API" + rest, "/Api" + rest.toUpperCase(),
                "/%61pi" + rest, "/api%3B" + rest, route + "/", route + ";", route + ";x=1", route + "/.",
                "/api%2F" + firstRest, "/api%2f" + firstRest));
        if (rest.length() > 1) {
            int last = route.lastIndexOf('/');
            variants.add(route.substring(0, last) + "%2F" + route.substring(last + 1));
            variants.add(route.substring(0, last) + ";a=b/" + route.substring(last + 1));
            variants.add(route.substring(0, last) + "//" + route.substring(last + 1));
        }
        return variants;
    }

    /**
     * Every list route with absurd filters, cursors and limits, and every item route with absurd
     * ids: each a 4xx with the JSON error body, never a 5xx, and nothing logged as a failure of
     * the service. Then an ordinary request still works.
     */
    @Test
    void everyRoute_withAbsurdIdsDatesCursorsAndNulBytes_is4xxWithTheJsonError() {
        Map<String, List<String>> parameters = Map.of(
                "/api/connections", List.of("status", "tag", "email", "updated_since", "include_deleted", "cursor", "limit"),
                "/api/cards", List.of("include_deleted", "cursor", "limit"),
                "/api/reminders", List.of("status", "due_before", "connection_id", "cursor", "limit"),
                "/api/contacts", List.of("lead_status", "email", "cursor", "limit"),
                "/api/events", List.of("source", "type", "status", "since", "cursor", "limit"));
        List<String> absurdValues = List.of("%00", "a%00b", "%ED%A0%80", "%FF", "%C0%AF", "%E2%80",
                "%0A", "%1B[31m");
        List<String> absurdDates = List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "%2B10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999Z", "2026-13-01T00:00:00Z",
                "1e999", "%00");
        // not Base64; NUL; "x NUL y"; a tab; invalid UTF-8; a UTF-8 surrogate; 0xFF; a raw NUL
        List<String> absurdCursors = List.of("!!", "AA", "eAB5", "CQ", "gA", "7aCA", "_w", "%00");
        List<String> absurdLimits = List.of("-1", "0", "501", "99999999999999999999", "1.5", "%00", "0x10", "%E2%80");
        List<String> absurdIds = List.of("%20", "%20%20", "%00", "a%00b", "%ED%A0%80", "..%2F..", "..%2F..%2Fetc%2Fpasswd",
                "%2E%2E", "%FF", "%C0%AF", "x".repeat(2_000), "%09", "%E2%80%AE");
        List<String> failures = new ArrayList<>();
        int tried = 0;
        try (LogCapture log = LogCapture.start()) {
            for (Map.Entry<String, List<String>> route : parameters.entrySet()) {
                for (String parameter : route.getValue()) {
                    List<String> values = new ArrayList<>(absurdValues);
                    values.addAll(switch (parameter) {
                        case "updated_since", "due_before", "since" -> absurdDates;
                        case "cursor" -> absurdCursors;
                        case "limit" -> absurdLimits;
                        default -> List.of();
                    });
                    for (String value : values) {
                        tried++;
                        check(api(route.getKey() + "?" + parameter + "=" + value), route.getKey() + "?" + parameter
                                + "=" + value, failures);
                    }
                }
                for (String id : absurdIds) {
                    tried++;
                    check(api(route.getKey() + "/" + id), route.getKey() + "/" + id, failures);
                }
            }
            for (String id : absurdIds) {
                tried += 2;
                check(post("/api/events/" + id + "/replay", "Bearer " + TOKEN), "replay " + id, failures);
                check(post("/api/events/replay?status=" + id, "Bearer " + TOKEN), "replay status " + id, failures);
            }
            assertEquals(List.of(), failures);
            assertEquals(List.of(), log.failures(), "a client's mistake is not logged as a failure of the service");
        }
        System.out.println(getClass().getSimpleName() + ": " + tried + " requests with absurd ids, dates, cursors, limits"
                + " and bytes: all 4xx with the JSON error");
        assertTrue(tried > 300, "tried " + tried);
        assertEquals(List.of(conn(0), conn(1), conn(2)), ids(api("/api/connections?status=qualified&tag=" + run)),
                "an ordinary request still works");
    }

    /** A 4xx with the JSON error body and nothing internal in it; otherwise noted in {@code failures}. */
    private static void check(HttpResponse<String> response, String what, List<String> failures) {
        int status = response.statusCode();
        boolean clientError = status >= 400 && status < 500 && response.body().startsWith("{\"error\":\"");
        if (!clientError || response.body().contains("com.") || response.body().contains("Exception")) {
            failures.add(what + " -> " + status + " " + response.body());
        }
    }

    @Test
    void withoutAConfiguredToken_theApiAnswers401ToEveryone() {
        try (RunningService open = RunningService.start(database, Map.of("API_TOKEN", ""))) {
            HttpRequest request = HttpRequest.newBuilder(open.uri("/api/connections"))
                    .header("Authorization", "Bearer ").GET().build();
            assertEquals(401, open.send(request).statusCode());
            assertEquals(200, open.get("/health/live").statusCode(), "health needs no token");
        }
    }

    @Test
    void unknownIds_are404NotFound() {
        for (String path : new String[] {"/api/connections/nope", "/api/cards/nope", "/api/reminders/nope",
                "/api/contacts/nope", "/api/events/nope"}) {
            HttpResponse<String> response = api(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("not_found", json(response).get("error").asText());
        }
        assertEquals(404, post("/api/events/nope/replay", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void connections_filterByStatusTagAndEmail_andHideDeletedUnlessAsked() {
        assertEquals(List.of(conn(0), conn(1), conn(2)), ids(api("/api/connections?status=qualified&tag=" + run)));
        assertEquals(List.of(conn(0), conn(2)), ids(api("/api/connections?status=qualified&tag=t0&limit=500"))
                .stream().filter(id -> id.endsWith(run)).toList());
        assertEquals(List.of(conn(1)), ids(api("/api/connections?email=" + enc("p1-" + run + "@EXAMPLE.com"))));
        assertEquals(List.of(conn(3)), ids(api("/api/connections?status=new&tag=" + run)));
        assertEquals(List.of(conn(3), conn(4)), ids(api("/api/connections?status=new&include_deleted=true&tag=" + run)));
        assertEquals(List.of(), ids(api("/api/connections?tag=" + run + "&updated_since=2030-01-01T00:00:00Z")));
    }

    @Test
    void connections_pageThroughEveryMatchOnce_inAStableOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(api("/api/connections?include_deleted=true&limit=2&tag=" + run
                    + (cursor == null ? "" : "&cursor=" + enc(cursor))));
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(List.of(conn(0), conn(1), conn(2), conn(3), conn(4)), seen);
        assertEquals(3, pages);
    }

    @Test
    void badParameters_are400InvalidParameter() {
        for (String query : new String[] {"limit=0", "limit=501", "limit=ten", "cursor=%25%25%25", "updated_since=yesterday",
                "include_deleted=maybe"}) {
            HttpResponse<String> response = api("/api/connections?" + query);
            assertEquals(400, response.statusCode(), query);
            assertEquals("invalid_parameter", json(response).get("error").asText());
        }
        assertEquals(400, api("/api/events?status=lost").statusCode());
        assertEquals(400, api("/api/events?source=stripe").statusCode());
        assertEquals(400, post("/api/events/replay", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void oneConnection_hasEveryFieldNotesEnrichmentsRemindersAndItsLinkedLeadStatus() {
        JsonNode connection = json(api("/api/connections/" + conn(0)));
        assertEquals("Person 0", connection.get("full_name").asText());
        assertEquals("qualified", connection.get("status").asText());
        assertEquals("met at the booth", connection.get("notes_text").asText());
        assertEquals("Great call", connection.get("notes").get(0).get("content").asText());
        assertEquals("clearbit", connection.get("enrichments").get(0).get("provider").asText());
        assertEquals("rem-" + run, connection.get("reminders").get(0).get("id").asText());
        assertEquals("2024-01-17T16:00:00Z", connection.get("reminders").get(0).get("scheduled_for").asText());
        assertEquals("high-" + run, connection.get("lead_status").asText(), "linked by email, ignoring case");
        assertTrue(connection.get("deleted_at").isNull());
        assertTrue(connection.has("last_contacted_at"));
        assertTrue(json(api("/api/connections/" + conn(1))).get("lead_status").isNull());
        assertEquals("1970-01-01T00:00:05Z", json(api("/api/connections/" + conn(4))).get("deleted_at").asText());
    }

    @Test
    void cards_showTotalsAndRecentActivity() {
        JsonNode card = json(api("/api/cards/card-" + run));
        assertEquals(142, card.get("total_views").asLong());
        assertEquals(28, card.get("total_shares").asLong());
        assertEquals("share", card.get("recent_activity").get(0).get("kind").asText());
        assertEquals("Berlin", card.get("recent_activity").get(0).get("city").asText());
        assertTrue(ids(api("/api/cards?limit=500")).contains("card-" + run));
    }

    @Test
    void reminders_filterByStatusDueDateAndConnection() {
        assertEquals(List.of("rem-" + run), ids(api("/api/reminders?connection_id=" + conn(0))));
        assertEquals(List.of("rem2-" + run), ids(api("/api/reminders?status=due&connection_id=" + conn(1))));
        assertEquals(List.of(), ids(api("/api/reminders?due_before=2024-01-17T00:00:00Z&connection_id=" + conn(0))));
        assertEquals("Follow up", json(api("/api/reminders/rem-" + run)).get("message").asText());
    }

    @Test
    void contacts_filterByLeadStatus_andShowPhonesWithStatuses() {
        JsonNode list = json(api("/api/contacts?lead_status=high-" + run));
        assertEquals(1, list.get("items").size());
        JsonNode contact = json(api("/api/contacts/contact-" + run));
        assertEquals("Ada", contact.get("attributes").get("first_name").asText());
        assertEquals("high", contact.get("phones").get(0).get("status").asText());
        assertEquals("mobile", contact.get("phones").get(0).get("type").asText());
        assertEquals(1, json(api("/api/contacts?email=" + enc("P0-" + run + "@example.com"))).get("items").size());
    }

    @Test
    void events_listByFilters_showOneInFull_andReplay() {
        JsonNode listed = json(api("/api/events?source=titancard&type=note.added&status=processed&limit=500"));
        assertTrue(listed.get("items").size() >= 1);
        String id = listed.get("items").get(listed.get("items").size() - 1).get("id").asText();
        JsonNode event = json(api("/api/events/" + id));
        assertEquals("processed", event.get("status").asText());
        assertTrue(event.get("raw_payload").asText().contains("note.added"));
        assertFalse(event.get("headers").toString().toLowerCase().contains("signature"));
        // the service runs with "whsec_old_secret,whsec_titancard_test_secret" and signs with the second;
        // printf '%s' whsec_titancard_test_secret | openssl dgst -sha256: fcb65274...
        assertEquals(2, event.get("secret_used").get("position").asInt(), event.toString());
        assertEquals("fcb65274", event.get("secret_used").get("fingerprint").asText());

        HttpResponse<String> replayed = post("/api/events/" + id + "/replay", "Bearer " + TOKEN);
        assertEquals(202, replayed.statusCode());
        assertEquals(id, json(replayed).get("queued").get(0).asText());
        Eventually.await("the replayed event to be applied again", Duration.ofSeconds(10), () ->
                "processed".equals(rows.text("SELECT status FROM inbox_events WHERE id = ?", id)));
        assertEquals(1, json(api("/api/connections/" + conn(0))).get("notes").size(), "replay changes nothing");

        HttpResponse<String> byStatus = post("/api/events/replay?status=parked", "Bearer " + TOKEN);
        assertEquals(202, byStatus.statusCode());
        assertEquals(0, json(byStatus).get("count").asInt());
    }

    private void deliverCard(String type, long timestamp, String data) {
        byte[] body = ("{\"event\":\"" + type + "\",\"timestamp\":" + timestamp + ",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(202, service.deliver(Source.TITANCARD, body).statusCode(), type);
    }

    private String conn(int i) {
        return "c" + i + "-" + run;
    }

    private HttpResponse<String> api(String path) {
        return get(path, "Bearer " + TOKEN);
    }

    /** Every answer the contract sees is also held to the OpenAPI document. */
    private HttpResponse<String> get(String path, String authorization) {
        return documented(service.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", authorization)
                .GET().build()));
    }

    private HttpResponse<String> post(String path, String authorization) {
        return documented(service.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    private static HttpResponse<String> documented(HttpResponse<String> response) {
        OpenApiDocument.assertConforms(response);
        return response;
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
