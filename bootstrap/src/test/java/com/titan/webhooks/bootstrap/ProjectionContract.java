package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardActivity;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.Phone;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each event type of the catalogue, end to end: its sample goes in over HTTP, the worker applies it,
 * and the aggregate in the store shows its effect. Sample ids are made unique per test, so that
 * every test owns its aggregates. One subclass per store.
 */
abstract class ProjectionContract extends RunningServiceContract {

    /** Later than every sample's and every other test's time, and never the same twice. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong FRESH_MILLIS = new AtomicLong(System.currentTimeMillis());

    static List<CatalogueEntry> catalogue() {
        return new JacksonEventDecoder().catalogue();
    }

    /**
     * The contract every catalogue entry keeps: it has a sample, the sample is received and stored
     * as handled, it decodes to the domain event the entry names, and the worker applies it to an
     * aggregate that it changes (a change record caused by it), which {@code GET /api/changes}
     * serves under the aggregate's name. Each sample is sent with a time of its own, later than
     * anything stored, so that it is a new delivery and wins what it sets.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCatalogueEntry_hasASample_thatDecodesAndProjects(CatalogueEntry entry) throws Exception {
        ObjectNode sample = (ObjectNode) JSON.readTree(Samples.body(entry.eventType()));
        sample.put("timestamp", FRESH_MILLIS.incrementAndGet());
        if (entry.source() == Source.TITANX) {
            sample.put("id", UUID.randomUUID().toString());
        }

        EventId id = accepted(entry.source(), JSON.writeValueAsBytes(sample));
        awaitProcessed(id);

        StoredEvent stored = service.store().storedEvents().find(id).orElseThrow();
        assertEquals(Optional.of(entry.eventType()), stored.eventType());
        assertInstanceOf(entry.decodesTo(), new JacksonEventDecoder().decodeEvent(stored));
        Change recorded = service.store().changes().after(0, Set.of(), 100_000).stream()
                .filter(change -> change.eventId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no change record caused by " + id));

        // and GET /api/changes serves it, as the OpenAPI document says, under its aggregate's name
        String aggregate = recorded.after().type().wireName();
        HttpResponse<String> feed = service.send(HttpRequest.newBuilder(service.uri("/api/changes?limit=1000&aggregate="
                        + aggregate + "&aggregate_id=" + URLEncoder.encode(recorded.after().id(), StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer test-api-token").GET().build());
        assertEquals(200, feed.statusCode(), feed.body());
        OpenApiDocument.assertConforms(feed);
        JsonNode served = StreamSupport.stream(JSON.readTree(feed.body()).get("changes").spliterator(), false)
                .filter(change -> change.get("event_id").asText().equals(id.value())).findFirst()
                .orElseThrow(() -> new AssertionError(aggregate + " " + recorded.after().id() + ": " + feed.body()));
        assertEquals(aggregate, served.get("aggregate").asText());
        assertEquals(recorded.after().id(), served.get("id").asText());
    }

    @Test
    void connectionCreated_createsTheConnectionWithEveryField() {
        String id = unique();
        applied("connection.created", "j57xyz789ghi", id);
        Connection connection = connection(id);
        assertEquals(Optional.of("Jane Doe"), connection.field(ConnectionField.FULL_NAME));
        assertEquals(Optional.of("jane@example.com"), connection.field(ConnectionField.EMAIL));
        assertEquals(Optional.of("TechCrunch Disrupt 2026"), connection.field(ConnectionField.MEETING_EVENT));
        assertEquals(Optional.of("2024-01-16T16:00:00Z"), connection.field(ConnectionField.MEETING_DATE));
        assertEquals(Optional.of("new"), connection.field(ConnectionField.STATUS));
        assertEquals(List.of("conference", "product"), connection.tags());
        assertFalse(connection.isDeleted());
    }

    @Test
    void connectionUpdated_changesTheFieldsItCarries() {
        String id = unique();
        applied("connection.updated", "j57xyz789ghi", id);
        Connection connection = connection(id);
        assertEquals(Optional.of("Senior Product Manager"), connection.field(ConnectionField.TITLE));
        assertEquals(Optional.of("contacted"), connection.field(ConnectionField.STATUS));
        assertEquals(List.of("conference", "product", "follow-up"), connection.tags());
    }

    @Test
    void connectionDeleted_leavesATombstone() {
        String id = unique();
        applied("connection.deleted", "j57xyz789ghi", id);
        Connection connection = connection(id);
        assertTrue(connection.isDeleted());
        assertEquals(Optional.of(Instant.ofEpochMilli(1_705_420_800_000L)), connection.deletedAt());
    }

    @Test
    void connectionTagged_setsTheTagList() {
        String id = unique();
        applied("connection.tagged", "j57xyz789ghi", id);
        assertEquals(List.of("vip", "conference", "product"), connection(id).tags());
    }

    @Test
    void connectionStatusChanged_setsTheNewStatus() {
        String id = unique();
        applied("connection.status_changed", "j57xyz789ghi", id);
        assertEquals(Optional.of("qualified"), connection(id).field(ConnectionField.STATUS));
        assertEquals(Optional.of("Tech Corp"), connection(id).field(ConnectionField.COMPANY));
    }

    @Test
    void noteAdded_addsTheNoteToItsConnection() {
        String id = unique();
        applied("note.added", "j57xyz789ghi", id);
        Connection connection = connection(id);
        List<Note> notes = notes(id);
        assertEquals(1, notes.size());
        assertEquals("n12note456", notes.get(0).id());
        assertTrue(notes.get(0).content().startsWith("Had a great call"));
        assertEquals(Optional.of("Jane Doe"), connection.field(ConnectionField.FULL_NAME));
    }

    @Test
    void enrichmentCompleted_recordsTheRun() {
        String id = unique();
        applied("enrichment.completed", "j57xyz789ghi", id);
        List<Enrichment> enrichments = enrichments(id);
        assertEquals(1, enrichments.size());
        assertEquals("clearbit", enrichments.get(0).provider());
        assertEquals(List.of("linkedin", "company", "title", "location"), enrichments.get(0).enrichedFields());
    }

    @Test
    void cardCreated_createsTheCard() {
        String id = unique();
        applied("card.created", "k57abc123def", id);
        Card card = card(id);
        assertEquals(Optional.of("John Smith"), card.field(CardField.NAME));
        assertEquals(Optional.of("professional"), card.field(CardField.CARD_TYPE));
    }

    @Test
    void cardUpdated_changesItsFields() {
        String id = unique();
        applied("card.updated", "k57abc123def", id);
        assertEquals(Optional.of("Senior Software Engineer"), card(id).field(CardField.TITLE));
    }

    @Test
    void cardDeleted_leavesATombstone() {
        String id = unique();
        applied("card.deleted", "k57abc123def", id);
        assertTrue(card(id).isDeleted());
    }

    @Test
    void cardViewed_recordsTheViewAndTheTotal() {
        String id = unique();
        applied("card.viewed", "k57abc123def", id);
        Card card = card(id);
        assertEquals(142, card.totalViews());
        CardActivity view = card.recentActivity().get(0);
        assertEquals(CardActivity.Kind.VIEW, view.kind());
        assertEquals("qr", view.source());
        assertEquals("San Francisco", view.city());
    }

    @Test
    void cardShared_recordsTheShareAndBothTotals() {
        String id = unique();
        applied("card.shared", "k57abc123def", id);
        Card card = card(id);
        assertEquals(142, card.totalViews());
        assertEquals(28, card.totalShares());
        assertEquals(CardActivity.Kind.SHARE, card.recentActivity().get(0).kind());
    }

    @Test
    void reminderCreated_schedulesAPendingReminder() {
        String id = unique();
        applied("reminder.created", "r89reminder123", id);
        Reminder reminder = reminder(id);
        assertEquals(Optional.of("pending"), reminder.field(ReminderField.STATUS));
        assertEquals(Optional.of("j57xyz789ghi"), reminder.field(ReminderField.CONNECTION_ID));
        assertEquals(Optional.of(Instant.ofEpochMilli(1_705_507_200_000L)), reminder.scheduledFor());
    }

    @Test
    void reminderDue_marksItDue() {
        String id = unique();
        applied("reminder.due", "r89reminder123", id);
        assertEquals(Optional.of("due"), reminder(id).field(ReminderField.STATUS));
    }

    @Test
    void jobContactScored_storesTheContactWithItsPhones() {
        String key = unique();
        applied("job.contact.scored", "tx-contact-4f1c2a", key);
        Contact contact = service.store().contacts().find(new ContactKey(key)).orElseThrow();
        assertEquals(Optional.of("high"), contact.leadStatus());
        assertEquals(Optional.of("Jane"), contact.attribute("firstName"));
        List<Phone> phones = contact.phones();
        assertEquals(3, phones.size());
        assertEquals(new Phone(3, "+1 800 555 0199", "bad", "ivr"), phones.get(2));
        assertEquals(Optional.of("{\"favouriteColour\":\"teal\"}"), contact.attribute("unmappedFields"));
    }

    @Test
    void jobCompleted_recordsTheScoringJob() {
        String key = unique();
        applied("job.completed", "job-2026-01-15-001", key);
        ScoringJob job = service.store().scoringJobs().find(key).orElseThrow();
        assertTrue(job.completion().orElseThrow().value().contains("\"totalContacts\":1250"));
    }

    @Test
    void sameEventDeliveredTwice_isAppliedOnce() {
        String id = unique();
        byte[] body = sample("card.viewed", "k57abc123def", id);
        EventId first = accepted(Source.TITANCARD, body);
        awaitProcessed(first);
        assertEquals(200, service.deliver(Source.TITANCARD, body).statusCode());
        assertEquals(1, card(id).recentActivity().size());
    }

    @Test
    void sameEventReserialised_countsOnce() throws Exception {
        String connection = unique();
        String card = unique();
        for (byte[] body : reserialised(sample("enrichment.completed", "j57xyz789ghi", connection))) {
            awaitProcessed(accepted(Source.TITANCARD, body));
        }
        for (byte[] body : reserialised(sample("card.viewed", "k57abc123def", card))) {
            awaitProcessed(accepted(Source.TITANCARD, body));
        }
        assertEquals(1, enrichments(connection).size(), "one enrichment, whatever its bytes");
        assertEquals(1, card(card).recentActivity().size(), "one view, whatever its bytes");
    }

    /** The same JSON three ways: as the sample file has it, compact, and as Jackson indents it. */
    private static List<byte[]> reserialised(byte[] body) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(body);
        List<byte[]> forms = List.of(body, json.writeValueAsBytes(tree),
                json.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
        assertEquals(3, forms.stream().map(String::new).distinct().count(), "three different byte sequences");
        return forms;
    }

    /** The sample of {@code type} with {@code sampleId} replaced by {@code id} (and a fresh envelope id). */
    private void applied(String type, String sampleId, String id) {
        awaitProcessed(accepted(Samples.sourceOf(type).orElseThrow(), sample(type, sampleId, id)));
    }

    private static byte[] sample(String type, String sampleId, String id) {
        String json = new String(Samples.body(type), StandardCharsets.UTF_8).replace(sampleId, id);
        if (Samples.sourceOf(type).orElseThrow() == Source.TITANX) {
            json = json.replaceAll("\"id\": \"[0-9a-f-]{36}\"", "\"id\": \"" + UUID.randomUUID() + "\"");
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private EventId accepted(Source source, byte[] body) {
        HttpResponse<String> response = service.deliver(source, body);
        assertEquals(202, response.statusCode(), response.body());
        return new EventId(ReceiveContract.json(response).get("event_id").asText());
    }

    private void awaitProcessed(EventId id) {
        Eventually.await("event " + id + " to be processed", Duration.ofSeconds(10), () ->
                service.store().storedEvents().find(id).orElseThrow().status() == ProcessingStatus.PROCESSED);
    }

    private Connection connection(String id) {
        return service.store().connections().find(new ConnectionId(id)).orElseThrow();
    }

    private List<Note> notes(String id) {
        return service.store().connections().notes(new ConnectionId(id), PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private List<Enrichment> enrichments(String id) {
        return service.store().connections().enrichments(new ConnectionId(id), PageRequest.first(PageRequest.MAX_LIMIT))
                .items();
    }

    private Card card(String id) {
        return service.store().cards().find(new CardId(id)).orElseThrow();
    }

    private Reminder reminder(String id) {
        return service.store().reminders().find(new ReminderId(id)).orElseThrow();
    }

    private static String unique() {
        return "t-" + UUID.randomUUID();
    }
}
