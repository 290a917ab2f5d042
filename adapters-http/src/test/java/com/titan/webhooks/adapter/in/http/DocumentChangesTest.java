package com.titan.webhooks.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.in.ChangePage;
import com.titan.webhooks.application.port.in.ChangeQuery;
import com.titan.webhooks.application.port.in.ReadChangesUseCase;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.domain.delivery.EventId;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The change of an aggregate stored as a document, over HTTP: its type is one the service
 * registered, and its state is its document as the API writes every record (snake_case, ISO-8601
 * times, nested records, lists and maps), with its id, and nothing a method of the record computes.
 */
class DocumentChangesTest {

    private static final AggregateType MEETING = new AggregateType("meeting");
    private static final Instant STARTS = Instant.parse("2026-03-01T09:30:00Z");

    /** A document as an aggregate might have it, with a method that looks like a getter and is not state. */
    record Meeting(String id, String title, Instant startsAt, List<Attendee> attendees, Map<String, Long> counts,
                   Instant cancelledAt) {

        public boolean isCancelled() {
            return cancelledAt != null;
        }
    }

    record Attendee(String displayName, boolean organiser) {
    }

    private final ReadChangesUseCase changes = mock(ReadChangesUseCase.class);
    private HttpAdapterServer server;

    @BeforeEach
    void start() {
        server = new HttpAdapterServer(mock(ReceiveDeliveryUseCase.class), mock(DeliveryCounter.class),
                new ApiTokenFilter(new ApiToken(Optional.of(HttpAdapterServer.TOKEN))),
                new ChangeResource(changes, List.of(AggregateType.CONNECTION, MEETING)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDocumentsChange_showsItsDocument_withItsId_asTheApiWritesRecords() throws Exception {
        Meeting before = new Meeting("m-1", "Kick-off", STARTS, List.of(new Attendee("Jane Doe", true)),
                Map.of("reschedules", 0L), null);
        Meeting after = new Meeting("m-1", "Kick-off", STARTS.plusSeconds(3600),
                List.of(new Attendee("Jane Doe", true), new Attendee("John Smith", false)), Map.of("reschedules", 1L),
                null);
        Change change = new Change(7, Optional.of(new DocumentSnapshot(MEETING, "m-1", before, false)),
                new DocumentSnapshot(MEETING, "m-1", after, false), new EventId("e-7"), Instant.parse("2026-03-01T08:00:00Z"));
        when(changes.readOrWait(any(), any())).thenReturn(CompletableFuture.completedFuture(new ChangePage(List.of(change), 7)));

        HttpResponse<String> answer = server.get("/api/changes?aggregate=meeting&aggregate_id=m-1");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode entry = JsonMapping.MAPPER.readTree(answer.body()).path("changes").get(0);
        assertEquals(JsonMapping.MAPPER.readTree("""
                {"cursor": "Nw", "aggregate": "meeting", "id": "m-1", "kind": "upsert",
                 "changed": ["starts_at", "attendees", "counts"],
                 "state": {"id": "m-1", "title": "Kick-off", "starts_at": "2026-03-01T10:30:00Z",
                           "attendees": [{"display_name": "Jane Doe", "organiser": true},
                                         {"display_name": "John Smith", "organiser": false}],
                           "counts": {"reschedules": 1}, "cancelled_at": null},
                 "event_id": "e-7", "committed_at": "2026-03-01T08:00:00Z"}
                """), entry);
        ArgumentCaptor<ChangeQuery> asked = ArgumentCaptor.forClass(ChangeQuery.class);
        verify(changes).readOrWait(asked.capture(), any());
        assertEquals(Set.of(MEETING), asked.getValue().types());
    }

    @Test
    void aDeletedDocument_isADelete() throws Exception {
        Meeting cancelled = new Meeting("m-2", "Sync", STARTS, List.of(), Map.of(), STARTS);
        Change change = new Change(8, Optional.empty(), new DocumentSnapshot(MEETING, "m-2", cancelled, true),
                new EventId("e-8"), STARTS);
        when(changes.readOrWait(any(), any())).thenReturn(CompletableFuture.completedFuture(new ChangePage(List.of(change), 8)));

        JsonNode entry = JsonMapping.MAPPER.readTree(server.get("/api/changes").body()).path("changes").get(0);

        assertEquals("delete", entry.path("kind").asText());
        assertEquals("2026-03-01T09:30:00Z", entry.path("state").path("cancelled_at").asText());
    }

    @Test
    void aWellFormedTypeNotRegistered_is400_namingTheRegisteredOnes() throws Exception {
        HttpResponse<String> answer = server.get("/api/changes?aggregate=card");

        assertEquals(400, answer.statusCode(), answer.body());
        JsonNode error = JsonMapping.MAPPER.readTree(answer.body());
        assertEquals("invalid_parameter", error.path("error").asText());
        assertEquals("aggregate must be a comma-separated list of connection, meeting", error.path("detail").asText());
        verifyNoInteractions(changes);
    }
}
