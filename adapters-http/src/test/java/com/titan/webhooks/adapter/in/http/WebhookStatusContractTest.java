package com.titan.webhooks.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

/**
 * The webhook endpoints' status contract, as a provider sees it, with the receive use case mocked:
 * every outcome's status, body and headers, the checks made before the use case is asked, and
 * exactly what the use case is handed.
 */
class WebhookStatusContractTest {

    private static final EventId EVENT = new EventId("0190d3f4-6b1e-7c3a-9f00-000000000001");
    private static final SecretUsed SECRET = new SecretUsed(1, "d0d87160");
    private static final String BODY = "{\"event\":\"connection.created\",\"timestamp\":1,\"data\":{}}";

    private final ReceiveDeliveryUseCase receiver = mock(ReceiveDeliveryUseCase.class);
    private final DeliveryCounter counter = mock(DeliveryCounter.class);
    private HttpAdapterServer server;

    @BeforeEach
    void start() {
        when(receiver.isConfigured(any())).thenReturn(true);
        server = new HttpAdapterServer(receiver, counter);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(ReceiveResult.stored(DeliveryOutcome.ACCEPTED, EVENT, SECRET), 202,
                        "{\"status\":\"accepted\",\"event_id\":\"" + EVENT.value() + "\"}", Map.of()),
                Arguments.of(ReceiveResult.stored(DeliveryOutcome.IGNORED, EVENT, SECRET), 202,
                        "{\"status\":\"accepted\",\"event_id\":\"" + EVENT.value() + "\"}", Map.of()),
                Arguments.of(ReceiveResult.stored(DeliveryOutcome.DUPLICATE, EVENT, SECRET), 200,
                        "{\"status\":\"duplicate\",\"event_id\":\"" + EVENT.value() + "\"}", Map.of()),
                Arguments.of(ReceiveResult.of(DeliveryOutcome.INVALID_SIGNATURE), 401,
                        "{\"error\":\"invalid_signature\"}", Map.of()),
                Arguments.of(ReceiveResult.malformed(EVENT, "timestamp must be an integer", SECRET), 400,
                        "{\"error\":\"malformed_payload\",\"detail\":\"timestamp must be an integer\"}", Map.of()),
                Arguments.of(ReceiveResult.of(DeliveryOutcome.UNAVAILABLE), 503,
                        "{\"error\":\"unavailable\"}", Map.of("retry-after", "5")));
    }

    @ParameterizedTest(name = "{1} for {0}")
    @MethodSource("outcomes")
    void eachOutcomeOfTheUseCase_isAnsweredWithItsStatusBodyAndHeaders(ReceiveResult result, int status, String body,
                                                                       Map<String, String> headers) throws Exception {
        when(receiver.receive(any())).thenReturn(CompletableFuture.completedFuture(result));

        HttpResponse<String> answer = post("/webhooks/titancard", BODY, "application/json");

        assertEquals(status, answer.statusCode());
        assertEquals(body, answer.body());
        assertEquals("application/json", answer.headers().firstValue("content-type").orElseThrow());
        headers.forEach((name, value) -> assertEquals(value, answer.headers().firstValue(name).orElse(null), name));
        verify(counter, timeout(5_000)).count(any(), any(), anyLong());
    }

    @Test
    void theUseCase_isHandedTheRawBytes_theSignature_andTheOtherHeadersWithoutCredentials() throws Exception {
        when(receiver.receive(any())).thenReturn(CompletableFuture.completedFuture(
                ReceiveResult.stored(DeliveryOutcome.ACCEPTED, EVENT, SECRET)));
        // bytes a parser would normalise: the signature covers them exactly as sent
        String body = "{ \"event\" :\"connection.created\",\"timestamp\":1,\"data\":{\"name\":\"J\\u00f6rg\"}}  ";

        HttpResponse<String> answer = server.send(server.request("/webhooks/titancard")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Webhook-Signature", "t=1,v1=abc")
                .header("X-Webhook-Event", "connection.created")
                .header("Authorization", "Bearer something")
                .header("Cookie", "session=1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(202, answer.statusCode());
        ArgumentCaptor<ReceiveDeliveryCommand> handed = ArgumentCaptor.forClass(ReceiveDeliveryCommand.class);
        verify(receiver).receive(handed.capture());
        ReceiveDeliveryCommand command = handed.getValue();
        assertEquals(Source.TITANCARD, command.source());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), command.body());
        assertEquals("t=1,v1=abc", command.signature());
        assertEquals("connection.created", command.header("X-Webhook-Event"));
        assertNull(command.header("X-Webhook-Signature"), "the signature never travels with the stored headers");
        assertNull(command.header("Authorization"));
        assertNull(command.header("Cookie"));
    }

    @Test
    void aSignatureSentTwice_isHandedOverJoined_neverResolvedByPickingOne() throws Exception {
        when(receiver.receive(any())).thenReturn(CompletableFuture.completedFuture(
                ReceiveResult.of(DeliveryOutcome.INVALID_SIGNATURE)));

        String raw = "POST /webhooks/titanx HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "X-TitanX-Signature: sha256=aa\r\nX-TitanX-Signature: sha256=bb\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}";
        String answer = server.rawExchange(raw);

        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        ArgumentCaptor<ReceiveDeliveryCommand> handed = ArgumentCaptor.forClass(ReceiveDeliveryCommand.class);
        verify(receiver).receive(handed.capture());
        assertEquals("sha256=aa,sha256=bb", handed.getValue().signature());
    }

    @Test
    void anUnconfiguredSource_is503WithALongRetryAfter_andTheBodyIsNeverHandedOver() throws Exception {
        when(receiver.isConfigured(Source.TITANX)).thenReturn(false);

        HttpResponse<String> answer = post("/webhooks/titanx", BODY, "application/json");

        assertEquals(503, answer.statusCode());
        assertEquals("{\"error\":\"source_not_configured\"}", answer.body());
        assertEquals("60", answer.headers().firstValue("retry-after").orElseThrow());
        verify(receiver, never()).receive(any());
    }

    @Test
    void aDeclaredLengthOverTheLimit_is413AndClosed_beforeTheUseCase() throws Exception {
        HttpResponse<String> answer = post("/webhooks/titancard", "x".repeat(HttpAdapterServer.MAX_BODY_BYTES + 1),
                "application/json");

        assertEquals(413, answer.statusCode());
        assertEquals("{\"error\":\"payload_too_large\"}", answer.body());
        verify(receiver, never()).receive(any());
        verify(counter, timeout(5_000)).refused(eq(Source.TITANCARD), eq(Refusal.TOO_LARGE), anyLong());
    }

    @Test
    void aChunkedBodyOverTheLimit_is413_too() throws Exception {
        String chunk = "x".repeat(HttpAdapterServer.MAX_BODY_BYTES + 10);
        String raw = "POST /webhooks/titancard HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";

        String answer = server.rawExchange(raw);

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.endsWith("{\"error\":\"payload_too_large\"}"), answer);
        verify(receiver, never()).receive(any());
    }

    @Test
    void aBodyThatIsNotJson_orIsCompressed_is415_beforeTheUseCase() throws Exception {
        HttpResponse<String> plain = post("/webhooks/titancard", BODY, "text/plain");
        HttpResponse<String> gzip = server.send(server.request("/webhooks/titancard")
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)));

        for (HttpResponse<String> answer : new HttpResponse[] {plain, gzip}) {
            assertEquals(415, answer.statusCode());
            assertTrue(answer.body().startsWith("{\"error\":\"unsupported_media_type\",\"detail\":"), answer.body());
        }
        verify(receiver, never()).receive(any());
        verify(counter, timeout(5_000).times(2)).refused(eq(Source.TITANCARD), eq(Refusal.UNSUPPORTED_MEDIA_TYPE),
                anyLong());
        verify(counter, never()).count(any(), any(), anyLong());
    }

    @Test
    void aVendorJsonMediaType_isJson() throws Exception {
        when(receiver.receive(any())).thenReturn(CompletableFuture.completedFuture(
                ReceiveResult.stored(DeliveryOutcome.ACCEPTED, EVENT, SECRET)));

        assertEquals(202, post("/webhooks/titancard", BODY, "application/vnd.titan+json").statusCode());
    }

    @Test
    void aMethodOtherThanPost_is405WithAllow() throws Exception {
        HttpResponse<String> answer = server.send(server.request("/webhooks/titancard").GET());

        assertEquals(405, answer.statusCode());
        assertEquals("POST", answer.headers().firstValue("allow").orElseThrow());
        assertEquals("{\"error\":\"method_not_allowed\"}", answer.body());
    }

    @Test
    void aUseCaseThatThrows_is500WithAJsonBody_andTheNextDeliveryIsStillAnswered() throws Exception {
        when(receiver.receive(any())).thenThrow(new IllegalStateException("a bug, with internals"))
                .thenReturn(CompletableFuture.completedFuture(ReceiveResult.stored(DeliveryOutcome.ACCEPTED, EVENT, SECRET)));

        HttpResponse<String> failed = post("/webhooks/titancard", BODY, "application/json");
        HttpResponse<String> next = post("/webhooks/titancard", BODY, "application/json");

        assertEquals(500, failed.statusCode());
        assertEquals("{\"error\":\"internal_error\"}", failed.body());
        assertFalse(failed.body().contains("internals"));
        assertEquals(202, next.statusCode());
    }

    @Test
    void aStoreThatFailsTheAnswer_is503_neverAHang() throws Exception {
        when(receiver.receive(any())).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("lost")));

        HttpResponse<String> answer = post("/webhooks/titancard", BODY, "application/json");

        assertEquals(503, answer.statusCode());
        assertEquals("{\"error\":\"unavailable\"}", answer.body());
    }

    @Test
    void aWebhookPathSpeltOtherwise_isNoWebhook_andNeverReachesTheUseCase() throws Exception {
        for (String path : new String[] {"/webhooks/titancard/", "/webhooks/TitanCard", "/webhooks/titancard;x=1",
                "/webhooks/%74itancard"}) {
            HttpResponse<String> answer = post(path, BODY, "application/json");
            assertTrue(answer.statusCode() == 404 || answer.statusCode() == 405, path + " answered " + answer.statusCode());
            assertTrue(answer.body().startsWith("{\"error\":"), path + ": " + answer.body());
        }
        verify(receiver, never()).receive(any());
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return server.send(server.request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

}
