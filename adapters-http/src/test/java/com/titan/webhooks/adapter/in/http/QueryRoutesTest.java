package com.titan.webhooks.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.UnknownCursorException;
import com.titan.webhooks.application.port.in.DecodeEventUseCase;
import com.titan.webhooks.application.port.in.QueryCardsUseCase;
import com.titan.webhooks.application.port.in.QueryConnectionsUseCase;
import com.titan.webhooks.application.port.in.QueryContactsUseCase;
import com.titan.webhooks.application.port.in.QueryEventsUseCase;
import com.titan.webhooks.application.port.in.QueryRemindersUseCase;
import com.titan.webhooks.application.port.in.QueryScoringJobsUseCase;
import com.titan.webhooks.application.port.in.ReadChangesUseCase;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReplayEventsUseCase;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query API's status contract with its use cases mocked: the token, ids that cannot exist,
 * bad parameters, and failures of what stands behind the use cases. Every error is JSON.
 */
class QueryRoutesTest {

    private final QueryConnectionsUseCase connections = mock(QueryConnectionsUseCase.class);
    private final QueryCardsUseCase cards = mock(QueryCardsUseCase.class);
    private final QueryRemindersUseCase reminders = mock(QueryRemindersUseCase.class);
    private final QueryContactsUseCase contacts = mock(QueryContactsUseCase.class);
    private final QueryEventsUseCase events = mock(QueryEventsUseCase.class);
    private final ReplayEventsUseCase replay = mock(ReplayEventsUseCase.class);
    private final QueryScoringJobsUseCase jobs = mock(QueryScoringJobsUseCase.class);
    private final ReadChangesUseCase changes = mock(ReadChangesUseCase.class);
    private final TraceProvenanceUseCase provenance = mock(TraceProvenanceUseCase.class);
    private final DecodeEventUseCase decoder = mock(DecodeEventUseCase.class);
    private HttpAdapterServer server;

    @BeforeEach
    void start() {
        server = new HttpAdapterServer(mock(ReceiveDeliveryUseCase.class), mock(DeliveryCounter.class),
                new ApiTokenFilter(new ApiToken(Optional.of(HttpAdapterServer.TOKEN))),
                new ConnectionResource(connections, provenance), new CardResource(cards, provenance),
                new ReminderResource(reminders, provenance), new ContactResource(contacts, provenance),
                new EventResource(events, replay, decoder), new ScoringJobResource(jobs),
                new ChangeResource(changes, List.of(AggregateType.CONNECTION, AggregateType.CARD, AggregateType.REMINDER,
                        AggregateType.CONTACT, AggregateType.SCORING_JOB)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<String> listRoutes() {
        return Stream.of("/api/connections", "/api/cards", "/api/reminders", "/api/contacts", "/api/events");
    }

    static Stream<String> itemRoutes() {
        return Stream.of("/api/connections/", "/api/cards/", "/api/reminders/", "/api/contacts/", "/api/events/",
                "/api/scoring-jobs/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/connections", "/api;x/connections", "/api/;/connections", "/%61pi/connections",
            "//api/connections", "/api/./connections", "/API/connections", "/api/connections/c1", "/api/changes"})
    void withoutTheToken_everySpellingOfAnApiPath_is401_andNoUseCaseIsAsked(String path) throws Exception {
        HttpResponse<String> answer = server.send(server.request(path).GET());

        if (answer.statusCode() != 404) {
            assertEquals(401, answer.statusCode(), path);
            assertEquals("Bearer", answer.headers().firstValue("www-authenticate").orElseThrow(), path);
        }
        assertError(answer, answer.statusCode() == 404 ? "not_found" : "unauthorized");
        verifyNoInteractions(connections, changes);
    }

    @Test
    void aWrongToken_is401() throws Exception {
        HttpResponse<String> answer = server.send(server.request("/api/connections")
                .header("Authorization", "Bearer " + HttpAdapterServer.TOKEN + "x").GET());

        assertEquals(401, answer.statusCode());
        verifyNoInteractions(connections);
    }

    @ParameterizedTest
    @MethodSource("itemRoutes")
    void anIdThatCannotExist_is404WithJson_withoutAskingTheUseCase(String route) throws Exception {
        for (String id : new String[] {"%20", "%20%20", "%E2%80%83", "x".repeat(201)}) {
            HttpResponse<String> answer = server.get(route + id);
            assertEquals(404, answer.statusCode(), route + id + ": " + answer.body());
            assertError(answer, "not_found");
        }
        verifyNoInteractions(connections, cards, reminders, contacts, events, jobs);
    }

    @ParameterizedTest
    @MethodSource("itemRoutes")
    void anIdThatCannotExist_withProvenanceAsked_is404WithJson_withoutAskingAnyUseCase(String route) throws Exception {
        for (String id : new String[] {"%20", "%E2%80%83", "x".repeat(201)}) {
            HttpResponse<String> answer = server.get(route + id + "?provenance=true");
            assertEquals(404, answer.statusCode(), route + id + ": " + answer.body());
            assertError(answer, "not_found");
        }
        verifyNoInteractions(connections, cards, reminders, contacts, events, jobs, provenance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%20", "%20%20", "%E2%80%83", "not-a-uuid", "9B757C51-75CA-4BA4-B2A4-0E350252F447"})
    void replayingAnEventIdThatCannotExist_is404WithJson_andNothingIsReplayed(String id) throws Exception {
        HttpResponse<String> answer = server.send(server.request("/api/events/" + id + "/replay")
                .header("Authorization", "Bearer " + HttpAdapterServer.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertEquals(404, answer.statusCode(), id + ": " + answer.body());
        assertError(answer, "not_found");
        verifyNoInteractions(events, replay);
    }

    @Test
    void anEventIdLongerThanAnyId_isAlso404_onReplay() throws Exception {
        HttpResponse<String> answer = server.send(server.request("/api/events/" + "x".repeat(201) + "/replay")
                .header("Authorization", "Bearer " + HttpAdapterServer.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertEquals(404, answer.statusCode(), answer.body());
        assertError(answer, "not_found");
        verifyNoInteractions(events, replay);
    }

    @ParameterizedTest
    @MethodSource("itemRoutes")
    void anIdNothingHas_is404WithJson(String route) throws Exception {
        HttpResponse<String> answer = server.get(route + "nothing-has-this-id");

        assertEquals(404, answer.statusCode(), route);
        assertError(answer, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "%C0%AF", "%ED%A0%80", "%00", "%09", "a%0Ab"})
    void aPathThatIsNotText_is400WithJson_withoutAskingTheUseCase(String id) throws Exception {
        HttpResponse<String> answer = server.get("/api/connections/" + id);

        assertEquals(400, answer.statusCode(), id);
        assertError(answer, "bad_request");
        verifyNoInteractions(connections);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@x/api/changes", "0/api/changes?wait=1", "api/changes", "*", "/api/connections/a|b",
            "/api/connections/a[b]", "/api/connections/a^b", "/api/connections/a{b}", "/api/connections/a\\b",
            "/x<y", "/api/changes?after=<script>", "/api/changes?a=\"b\"", "/api/changes?a=`b`"})
    void aTargetARouterCouldReadOtherwise_is400WithJson_andReachesNoUseCase(String target) throws Exception {
        String answer = server.rawExchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 400"), target + ": " + answer);
        assertTrue(answer.contains("\r\nContent-Type: application/json"), answer);
        assertTrue(answer.endsWith("}") && answer.contains("{\"error\":\"bad_request\""), answer);
        verifyNoInteractions(changes, connections);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[zz", "a/b", "a b", "<x>", "host:port"})
    void aHostHeaderThatIsNoHost_is400WithJson(String host) throws Exception {
        String answer = server.rawExchange("GET /api/connections HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + HttpAdapterServer.TOKEN + "\r\nConnection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 400"), host + ": " + answer);
        assertTrue(answer.contains("{\"error\":\"bad_request\""), answer);
        verifyNoInteractions(connections);
    }

    @ParameterizedTest
    @MethodSource("listRoutes")
    void badLimitsAndTimes_are400WithTheParameterNamed_withoutAskingTheUseCase(String route) throws Exception {
        for (String query : new String[] {"?limit=0", "?limit=501", "?limit=ten", "?limit=99999999999"}) {
            HttpResponse<String> answer = server.get(route + query);
            assertEquals(400, answer.statusCode(), route + query);
            assertTrue(json(answer).path("detail").asText().contains("limit"), answer.body());
        }
        String time = route.equals("/api/events") ? "since" : route.equals("/api/reminders") ? "due_before" : "updated_since";
        HttpResponse<String> answer = server.get(route + "?" + time + "=yesterday");
        assertEquals(400, answer.statusCode(), route + " " + answer.body());
        assertError(answer, "invalid_parameter");
        verifyNoInteractions(connections, cards, reminders, contacts, events);
    }

    @Test
    void aCursorTheStoreNeverIssued_is400() throws Exception {
        when(connections.list(any(), any())).thenThrow(new UnknownCursorException());

        HttpResponse<String> answer = server.get("/api/connections?cursor=bm9wZQ");

        assertEquals(400, answer.statusCode());
        assertError(answer, "invalid_parameter");
    }

    @Test
    void anIllegalArgumentFromBehindTheUseCase_isABug_500_notTheClientsFault() throws Exception {
        when(connections.list(any(), any())).thenThrow(new IllegalArgumentException("a domain rule broke, with internals"));

        HttpResponse<String> answer = server.get("/api/connections");

        assertEquals(500, answer.statusCode());
        assertError(answer, "internal_error");
        assertFalse(answer.body().contains("internals"));
    }

    @Test
    void aStoreThatIsDown_is503WithRetryAfter_andTheNextRequestIsAnswered() throws Exception {
        when(cards.list(any(), any())).thenThrow(new StoreUnavailableException("down", new RuntimeException()))
                .thenReturn(new Page<>(List.of(), Optional.empty()));

        HttpResponse<String> down = server.get("/api/cards");
        HttpResponse<String> back = server.get("/api/cards");

        assertEquals(503, down.statusCode());
        assertEquals("5", down.headers().firstValue("retry-after").orElseThrow());
        assertError(down, "unavailable");
        assertEquals(200, back.statusCode());
        assertEquals("{\"items\":[],\"next_cursor\":null}", back.body());
    }

    @Test
    void replayingAMalformedStatus_is400_andReplayIsNeverAsked() throws Exception {
        HttpResponse<String> malformed = server.send(server.request("/api/events/replay?status=malformed")
                .header("Authorization", "Bearer " + HttpAdapterServer.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> none = server.send(server.request("/api/events/replay")
                .header("Authorization", "Bearer " + HttpAdapterServer.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertEquals(400, malformed.statusCode());
        assertEquals(400, none.statusCode());
        assertError(none, "invalid_parameter");
        verify(replay, never()).replay(any());
    }

    @Test
    void aChangeCursorNeverIssued_is400_andAnUnknownAggregate_too() throws Exception {
        HttpResponse<String> garbage = server.get("/api/changes?after=%21%21");
        HttpResponse<String> aggregate = server.get("/api/changes?aggregate=spaceship");

        assertEquals(400, garbage.statusCode());
        assertEquals(400, aggregate.statusCode());
        assertError(aggregate, "invalid_parameter");
        verifyNoInteractions(changes);
    }

    @Test
    void aBlankIdToFilterBy_is400_neverEveryonesList() throws Exception {
        for (String query : new String[] {"/api/reminders?connection_id=", "/api/reminders?connection_id=%20",
                "/api/changes?aggregate=connection&aggregate_id=%20", "/api/changes?aggregate=card&aggregate_id="}) {
            HttpResponse<String> answer = server.get(query);
            assertEquals(400, answer.statusCode(), query + ": " + answer.body());
            assertError(answer, "invalid_parameter");
        }
        verifyNoInteractions(reminders, changes);
    }

    @Test
    void anUnknownRouteOrMethod_isJson() throws Exception {
        HttpResponse<String> missing = server.get("/api/spaceships");
        HttpResponse<String> method = server.send(server.request("/api/connections")
                .header("Authorization", "Bearer " + HttpAdapterServer.TOKEN)
                .DELETE());

        assertEquals(404, missing.statusCode());
        assertError(missing, "not_found");
        assertEquals(405, method.statusCode());
        assertError(method, "method_not_allowed");
        assertTrue(method.headers().firstValue("allow").orElseThrow().contains("GET"));
    }


    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        assertEquals("application/json", answer.headers().firstValue("content-type").orElse("").split(";")[0],
                answer.body());
        return JsonMapping.MAPPER.readTree(answer.body());
    }

    private static void assertError(HttpResponse<String> answer, String code) throws Exception {
        assertEquals(code, json(answer).path("error").asText(), answer.body());
    }
}
