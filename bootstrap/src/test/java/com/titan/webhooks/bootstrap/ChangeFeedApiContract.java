package com.titan.webhooks.bootstrap;

import static com.titan.webhooks.bootstrap.ReceiveContract.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.domain.delivery.Source;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change feed over HTTP, fed by signed deliveries: one change per effective apply and none for
 * a no-op, each with the state its aggregate's route served at that change, cascades to the
 * connections that show what changed, resumption without repeats or gaps, waiting, and the
 * cursor errors. One subclass per store.
 */
abstract class ChangeFeedApiContract extends RunningServiceContract {

    private static final long SEED = 17_2026L;

    private FeedClient feed;

    @BeforeAll
    void client() {
        feed = new FeedClient(service);
    }

    @Test
    void effectiveApply_writesOneChange_andANoOpWritesNone() {
        String id = unique("conn");
        String cursor = feed.head();
        String created = deliverCard("connection.created", 5_000, "{\"id\":\"" + id
                + "\",\"full_name\":\"Ada Lovelace\",\"status\":\"new\"}");

        List<JsonNode> changes = awaitChanges(cursor, 1);
        JsonNode change = changes.get(0);
        assertEquals("connection", change.get("aggregate").asText());
        assertEquals(id, change.get("id").asText());
        assertEquals("upsert", change.get("kind").asText());
        assertEquals(created, change.get("event_id").asText());
        assertEquals(feed.json("/api/connections/" + id), change.get("state"), "the state its route serves");
        assertTrue(names(change.get("changed")).containsAll(Set.of("id", "full_name", "status", "last_event_at")),
                change.toString());
        cursor = change.get("cursor").asText();

        String older = deliverCard("connection.updated", 4_000, "{\"id\":\"" + id + "\",\"full_name\":\"Old Name\"}");
        awaitSettled(older);
        byte[] sameBytes = body("connection.created", 5_000, "{\"id\":\"" + id
                + "\",\"full_name\":\"Ada Lovelace\",\"status\":\"new\"}");
        assertEquals(200, service.deliver(Source.TITANCARD, sameBytes).statusCode(), "a duplicate");
        assertEquals(List.of(), feed.drain(cursor, 100, ""), "an older retry and a duplicate change nothing");

        String newer = deliverCard("connection.updated", 6_000, "{\"id\":\"" + id + "\",\"title\":\"Countess\"}");
        JsonNode update = awaitChanges(cursor, 1).get(0);
        assertEquals(newer, update.get("event_id").asText());
        assertEquals(Set.of("title", "last_event_at"), names(update.get("changed")));
    }

    @Test
    void noteAdded_isAChangeHoldingThatNoteOnly_andTheRoutePagesEveryNote() {
        String id = unique("conn");
        String cursor = feed.head();
        deliverCard("connection.created", 1_000, "{\"id\":\"" + id + "\",\"full_name\":\"Ada\"}");
        cursor = awaitChanges(cursor, 1).get(0).get("cursor").asText();
        for (int n = 1; n <= 3; n++) {
            // one at a time, so that each note is a change of its own
            awaitSettled(deliverCard("note.added", 1_000 + n * 1_000, "{\"id\":\"note-" + n + "\",\"connection_id\":\""
                    + id + "\",\"note_content\":\"call " + n + "\"}"));
        }
        List<JsonNode> changes = awaitChanges(cursor, 3);
        JsonNode third = changes.get(2);
        assertTrue(names(third.get("changed")).contains("notes"), third.toString());
        assertEquals(1, third.get("state").get("notes").size(), "a change holds the note it added, not the history");
        assertEquals("note-3", third.get("state").get("notes").get(0).get("id").asText());
        assertTrue(third.get("state").get("notes_next_cursor").isNull());
        cursor = third.get("cursor").asText();

        // a note that changes no stored one is no change: the same note in other bytes, an older version
        awaitSettled(deliverCard("note.added", 3_000, "{\"id\":\"note-2\",\"connection_id\":\"" + id
                + "\",\"note_content\":\"call 2\",\"resent\":true}"));
        awaitSettled(deliverCard("note.added", 500, "{\"id\":\"note-3\",\"connection_id\":\"" + id
                + "\",\"note_content\":\"call 3, an older version\"}"));
        assertEquals(List.of(), feed.drain(cursor, 100, ""), "nothing stored changed");

        JsonNode first = feed.json("/api/connections/" + id + "?notes_limit=2");
        assertEquals(List.of("note-1", "note-2"), noteIds(first));
        JsonNode second = feed.json("/api/connections/" + id + "?notes_limit=2&notes_cursor="
                + FeedClient.enc(first.get("notes_next_cursor").asText()));
        assertEquals(List.of("note-3"), noteIds(second));
        assertEquals("call 3", second.get("notes").get(0).get("content").asText(), "the later version is kept");
        assertTrue(second.get("notes_next_cursor").isNull());
        assertFalse(feed.json("/api/connections?limit=500").get("items").get(0).has("notes"),
                "the list does not repeat every connection's notes");
        assertEquals(400, feed.get("/api/connections/" + id + "?notes_limit=0").statusCode());
        assertEquals(400, feed.get("/api/connections/" + id + "?notes_cursor=not%20ours").statusCode());
        assertEquals(List.of("note-1", "note-2", "note-3"), noteIds(feed.json("/api/connections/" + id)),
                "the next ordinary request is answered");
    }

    private static List<String> noteIds(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.get("notes").forEach(note -> ids.add(note.get("id").asText()));
        return ids;
    }

    @Test
    void stateOfAChange_isTheStateAtThatChange_andADeleteCarriesDeletedAt() {
        String id = unique("conn");
        String cursor = feed.head();
        deliverCard("connection.created", 1_000, "{\"id\":\"" + id + "\",\"full_name\":\"Grace\",\"status\":\"new\"}");
        JsonNode first = awaitChanges(cursor, 1).get(0);
        deliverCard("connection.status_changed", 2_000, "{\"id\":\"" + id + "\",\"new_status\":\"qualified\"}");
        awaitChanges(cursor, 2);
        deliverCard("connection.deleted", 3_000, "{\"id\":\"" + id + "\"}");
        List<JsonNode> changes = awaitChanges(cursor, 3);

        assertEquals(first, changes.get(0), "a later change does not rewrite an earlier one");
        assertEquals("new", changes.get(0).get("state").get("status").asText());
        assertEquals("qualified", changes.get(1).get("state").get("status").asText());
        assertEquals(Set.of("status", "last_event_at"), names(changes.get(1).get("changed")));
        JsonNode deleted = changes.get(2);
        assertEquals("delete", deleted.get("kind").asText());
        assertEquals("1970-01-01T00:00:03Z", deleted.get("state").get("deleted_at").asText());
        assertEquals(feed.json("/api/connections/" + id), deleted.get("state"));
    }

    @Test
    void reminderAndScore_changeTheConnectionsThatShowThem() {
        String id = unique("conn");
        String email = id + "@Example.com";
        String cursor = feed.head();
        deliverCard("connection.created", 1_000, "{\"id\":\"" + id + "\",\"full_name\":\"Linus\",\"email\":\"" + email
                + "\",\"phone\":\"+1 555 " + digits(id) + "\"}");
        awaitChanges(cursor, 1);
        cursor = feed.head();

        String reminder = unique("rem");
        String reminderEvent = deliverCard("reminder.created", 2_000, "{\"id\":\"" + reminder + "\",\"connection_id\":\""
                + id + "\",\"scheduled_for\":1705507200000,\"message\":\"Call\",\"status\":\"pending\"}");
        List<JsonNode> changes = awaitChanges(cursor, 2);
        JsonNode ofConnection = only(changes, "connection", id);
        assertEquals(Set.of("reminders"), names(ofConnection.get("changed")));
        assertEquals(reminderEvent, ofConnection.get("event_id").asText());
        assertEquals(feed.json("/api/connections/" + id), ofConnection.get("state"));
        assertEquals(feed.json("/api/reminders/" + reminder), only(changes, "reminder", reminder).get("state"));
        cursor = changes.get(changes.size() - 1).get("cursor").asText();

        String contact = unique("contact");
        String score = deliverScore(contact, email.toLowerCase(), "hot", 3_000);
        changes = awaitChanges(cursor, 2);
        ofConnection = only(changes, "connection", id);
        assertEquals(Set.of("lead_status"), names(ofConnection.get("changed")));
        assertEquals("hot", ofConnection.get("state").get("lead_status").asText());
        assertEquals(score, ofConnection.get("event_id").asText());
        assertEquals(feed.json("/api/contacts/" + contact), only(changes, "contact", contact).get("state"));
        cursor = changes.get(changes.size() - 1).get("cursor").asText();

        String rescore = deliverScore(contact, email.toLowerCase(), "hot", 2_500);
        awaitSettled(rescore);
        assertEquals(List.of(), feed.drain(cursor, 100, ""), "an older score changes nothing, and no connection");
    }

    @Test
    void scoringJob_hasARoute_andChanges() {
        String job = unique("job");
        String cursor = feed.head();
        byte[] completed = ("{\"payload\":{\"jobId\":\"" + job + "\",\"status\":\"completed\",\"total\":3},"
                + "\"eventType\":\"job.completed\",\"timestamp\":1000,\"apiVersion\":\"v2\",\"id\":\"" + UUID.randomUUID()
                + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(202, service.deliver(Source.TITANX, completed).statusCode());
        JsonNode change = awaitChanges(cursor, 1).get(0);
        assertEquals("scoring_job", change.get("aggregate").asText());
        JsonNode route = feed.json("/api/scoring-jobs/" + change.get("id").asText());
        assertEquals(route, change.get("state"));
        assertEquals(3, route.get("payload").get("total").asInt());
        assertEquals(404, feed.get("/api/scoring-jobs/" + unique("nope")).statusCode());
    }

    @Test
    void resumeFromEveryNextCursor_reproducesTheWholeFeedExactlyOnce() {
        Random random = new Random(SEED);
        System.out.println("ChangeFeedApiContract seed " + SEED);
        String start = feed.head();
        List<byte[]> burst = burst(random, unique("burst"), 60);
        Collections.shuffle(burst, random);
        burst.forEach(body -> assertEquals(202, service.deliver(Source.TITANCARD, body).statusCode()));
        awaitInboxDrained();

        List<JsonNode> whole = feed.drain(start, 1_000, "");
        List<String> wholeCursors = cursors(whole);
        assertEquals(new TreeSet<>(wholeCursors).size(), wholeCursors.size(), "each change once");
        List<String> nextCursors = new ArrayList<>();
        String cursor = start;
        List<JsonNode> paged = new ArrayList<>();
        while (true) {
            nextCursors.add(cursor);
            JsonNode page = feed.page(cursor, "limit=" + (1 + random.nextInt(7)));
            page.get("changes").forEach(paged::add);
            if (page.get("changes").isEmpty()) {
                assertEquals(cursor, page.get("next_cursor").asText(), "an empty page stays where it was");
                break;
            }
            cursor = page.get("next_cursor").asText();
        }
        assertEquals(wholeCursors, cursors(paged));
        for (int i = 0; i < nextCursors.size(); i++) {
            List<String> rest = cursors(feed.drain(nextCursors.get(i), 1 + random.nextInt(11), ""));
            assertEquals(wholeCursors.subList(wholeCursors.size() - rest.size(), wholeCursors.size()), rest,
                    "from cursor " + i);
        }
    }

    @Test
    void aggregateFilter_returnsOnlyThoseKinds_andMovesPastTheOthers() {
        String cursor = feed.head();
        deliverCard("card.viewed", 1_000, "{\"card_id\":\"" + unique("card") + "\",\"total_views\":3}");
        deliverCard("connection.created", 1_000, "{\"id\":\"" + unique("conn") + "\"}");
        List<JsonNode> all = awaitChanges(cursor, 2);
        JsonNode cards = feed.page(cursor, "aggregate=card&limit=10");
        assertEquals(1, cards.get("changes").size());
        assertEquals("card", cards.get("changes").get(0).get("aggregate").asText());
        assertEquals(all.get(all.size() - 1).get("cursor").asText(), cards.get("next_cursor").asText(),
                "past the connection's change too");
        assertEquals(400, feed.get("/api/changes?aggregate=card,person").statusCode());
    }

    @Test
    void waitingReader_isAnsweredWithin100msOfTheCommit_andAnEmptyWaitEndsWithItsCursor() throws Exception {
        String cursor = feed.head();
        long started = System.nanoTime();
        JsonNode empty = feed.page(cursor, "wait=1");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(0, empty.get("changes").size());
        assertEquals(cursor, empty.get("next_cursor").asText());
        assertTrue(waited >= 900 && waited < 3_000, "waited " + waited + " ms");

        // the median of five rounds: one round on a loaded machine may lose a scheduling slice, while a
        // reader woken only by the 250 ms poll (a broken local wake-up) would be late in most of them
        List<Long> rounds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String from = feed.head();
            CompletableFuture<Instant> answered = CompletableFuture.supplyAsync(() -> {
                JsonNode page = feed.page(from, "wait=10");
                assertEquals(1, page.get("changes").size(), page.toString());
                return Instant.now();
            });
            Thread.sleep(300);
            assertTrue(!answered.isDone(), "still waiting");
            deliverCard("connection.created", 1_000, "{\"id\":\"" + unique("conn") + "\"}");
            Instant at = answered.get(10, TimeUnit.SECONDS);
            JsonNode change = feed.page(from, "limit=1").get("changes").get(0);
            long afterCommit = Duration.between(Instant.parse(change.get("committed_at").asText()), at).toMillis();
            System.out.println("waiting reader answered " + afterCommit + " ms after the commit");
            rounds.add(afterCommit);
        }
        List<Long> sorted = rounds.stream().sorted().toList();
        assertTrue(sorted.get(2) < 100, "answered " + rounds + " ms after the commits; median " + sorted.get(2));
    }

    @Test
    void waitingReaders_holdNoRequestThread() throws Exception {
        String cursor = feed.head();
        ExecutorService readers = Executors.newFixedThreadPool(24);
        try {
            List<Future<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                waiting.add(readers.submit(() -> feed.get("/api/changes?wait=5&after=" + FeedClient.enc(cursor))));
            }
            Thread.sleep(500);
            long started = System.nanoTime();
            assertEquals(200, feed.get("/api/connections?limit=1").statusCode());
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(took < 2_000, "a query behind 24 waiting readers took " + took + " ms");
            for (Future<HttpResponse<String>> reader : waiting) {
                assertEquals(200, reader.get(15, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void cursorNeverIssued_orBadParameters_are400() {
        String head = feed.head();
        long position = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(head), StandardCharsets.US_ASCII));
        String beyond = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(position + 1_000).getBytes(StandardCharsets.US_ASCII));
        for (String query : new String[] {"after=" + beyond, "after=!!nope!!", "after=bm90LWEtbnVtYmVy", "limit=0",
                "limit=1001", "wait=31", "wait=-1", "aggregate=people", "aggregate=,", "aggregate=connection,",
                "aggregate=connection,,card"}) {
            HttpResponse<String> response = feed.get("/api/changes?" + query);
            assertEquals(400, response.statusCode(), query);
            assertEquals("invalid_parameter", json(response).get("error").asText(), query);
        }
        assertEquals(401, service.get("/api/changes").statusCode());
        assertEquals(200, feed.get("/api/changes?after=" + FeedClient.enc(head)).statusCode(), "the next one still works");
    }

    @Test
    void cursorOlderThanRetention_is410_andTheFeedGoesOnFromWhatIsLeft() {
        // a second service beside the class's own: small pools, the machine's PostgreSQL is shared
        try (TestDatabase own = createStore();
             RunningService other = RunningService.start(own, java.util.Map.of("DATABASE_POOL_SIZE", "4"))) {
            FeedClient client = new FeedClient(other);
            String start = client.head();
            byte[] first = body("connection.created", 1_000, "{\"id\":\"" + unique("conn") + "\"}");
            assertEquals(202, other.deliver(Source.TITANCARD, first).statusCode());
            Eventually.await("the first change", Duration.ofSeconds(10), () -> !client.drain(start, 10, "").isEmpty());
            String afterFirst = client.head();
            other.store().changes().pruneCommittedBefore(Instant.now().plusSeconds(1));

            HttpResponse<String> expired = client.get("/api/changes?after=" + FeedClient.enc(start));
            assertEquals(410, expired.statusCode());
            assertEquals("cursor_expired", json(expired).get("error").asText());
            assertEquals(200, client.get("/api/changes?after=" + FeedClient.enc(afterFirst)).statusCode());

            byte[] second = body("connection.created", 1_000, "{\"id\":\"" + unique("conn") + "\"}");
            assertEquals(202, other.deliver(Source.TITANCARD, second).statusCode());
            Eventually.await("the next change", Duration.ofSeconds(10), () ->
                    client.drain(afterFirst, 10, "").size() == 1);
            assertEquals(1, client.drain(null, 10, "").size(), "no cursor: from the oldest retained change");
        }
    }

    @Test
    void updatedSince_meansWhenThisServiceChangedIt() {
        Instant before = Instant.now().minusSeconds(1);
        String id = unique("conn");
        String cursor = feed.head();
        // stamped in 2024 by the provider, changed here now; one at a time, so that each is a batch of its own
        awaitSettled(deliverCard("connection.created", 1_705_420_800_000L, "{\"id\":\"" + id + "\",\"email\":\"" + id
                + "@example.com\"}"));
        awaitSettled(deliverCard("card.viewed", 1_705_420_800_000L, "{\"card_id\":\"" + id + "\",\"total_views\":1}"));
        awaitSettled(deliverCard("reminder.created", 1_705_420_800_000L, "{\"id\":\"" + id + "\",\"connection_id\":\""
                + id + "\"}"));
        awaitSettled(deliverScore(id, id + "@example.com", "warm", 1_705_420_800_000L));
        // the four aggregates, and the connection again for its reminder and its lead status
        awaitChanges(cursor, 6);
        for (String route : new String[] {"/api/connections", "/api/cards", "/api/reminders", "/api/contacts"}) {
            JsonNode recent = feed.json(route + "?limit=500&updated_since=" + before);
            assertTrue(ids(recent).contains(id), route + " since " + before);
            JsonNode later = feed.json(route + "?limit=500&updated_since=" + Instant.now().plusSeconds(60));
            assertEquals(List.of(), ids(later), route);
        }
        JsonNode connection = feed.json("/api/connections/" + id);
        assertEquals("2024-01-16T16:00:00Z", connection.get("last_event_at").asText(), "the provider's time stays");
    }

    // --- helpers

    private List<JsonNode> awaitChanges(String cursor, int count) {
        List<List<JsonNode>> seen = new ArrayList<>(List.of(List.of()));
        Eventually.await(count + " changes", Duration.ofSeconds(15), () -> {
            seen.set(0, feed.drain(cursor, 100, ""));
            return seen.get(0).size() >= count;
        });
        assertEquals(count, seen.get(0).size(), seen.get(0).toString());
        return seen.get(0);
    }

    private void awaitSettled(String eventId) {
        Eventually.await("event " + eventId + " to be applied", Duration.ofSeconds(10), () ->
                rows.count("SELECT COUNT(*) FROM inbox_events WHERE id = ? AND status = 'processed'", eventId) == 1);
    }

    private void awaitInboxDrained() {
        Eventually.await("the worker to apply every event", Duration.ofSeconds(30), () ->
                rows.count("SELECT COUNT(*) FROM inbox_events WHERE status IN ('received', 'failed')") == 0);
    }

    private String deliverCard(String type, long timestamp, String data) {
        HttpResponse<String> response = service.deliver(Source.TITANCARD, body(type, timestamp, data));
        assertEquals(202, response.statusCode(), type + ": " + response.body());
        return json(response).get("event_id").asText();
    }

    private String deliverScore(String key, String email, String leadStatus, long timestamp) {
        byte[] scored = ("{\"payload\":{\"id\":\"" + key + "\",\"email\":\"" + email + "\",\"leadStatus\":\"" + leadStatus
                + "\"},\"eventType\":\"job.contact.scored\",\"timestamp\":" + timestamp + ",\"apiVersion\":\"v2\",\"id\":\""
                + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = service.deliver(Source.TITANX, scored);
        assertEquals(202, response.statusCode(), response.body());
        return json(response).get("event_id").asText();
    }

    static byte[] body(String type, long timestamp, String data) {
        return ("{\"event\":\"" + type + "\",\"timestamp\":" + timestamp + ",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A seeded burst of TitanCard events over a few connections and cards, timestamps tied and out of order. */
    static List<byte[]> burst(Random random, String prefix, int size) {
        return burst(random, prefix, size, 6);
    }

    static List<byte[]> burst(Random random, String prefix, int size, int connections) {
        List<byte[]> events = new ArrayList<>();
        String[] statuses = {"new", "contacted", "qualified", "lost"};
        for (int i = 0; i < size; i++) {
            String id = prefix + "-" + random.nextInt(connections);
            long timestamp = 1_705_420_800_000L + random.nextInt(40);
            events.add(switch (random.nextInt(5)) {
                case 0 -> body("connection.created", timestamp, "{\"id\":\"" + id + "\",\"full_name\":\"Person " + i
                        + "\",\"status\":\"new\"}");
                case 1 -> body("connection.updated", timestamp, "{\"id\":\"" + id + "\",\"title\":\"Title " + i + "\"}");
                case 2 -> body("connection.status_changed", timestamp, "{\"id\":\"" + id + "\",\"new_status\":\""
                        + statuses[random.nextInt(4)] + "\",\"n\":" + i + "}");
                case 3 -> body("connection.deleted", timestamp, "{\"id\":\"" + id + "\",\"n\":" + i + "}");
                default -> body("card.viewed", timestamp, "{\"card_id\":\"" + prefix + "-card-" + random.nextInt(2)
                        + "\",\"total_views\":" + random.nextInt(500) + ",\"n\":" + i + "}");
            });
        }
        return events;
    }

    private static JsonNode only(List<JsonNode> changes, String aggregate, String id) {
        List<JsonNode> matching = changes.stream()
                .filter(c -> c.get("aggregate").asText().equals(aggregate) && c.get("id").asText().equals(id)).toList();
        assertEquals(1, matching.size(), aggregate + " " + id + " in " + changes);
        return matching.get(0);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static List<String> cursors(List<JsonNode> changes) {
        return changes.stream().map(c -> c.get("cursor").asText()).toList();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.has("id") ? item.get("id").asText() : item.get("key").asText()));
        return ids;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String digits(String id) {
        return String.valueOf(Math.abs((long) id.hashCode()) % 10_000_000 + 10_000_000);
    }
}
