package com.titan.webhooks.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.QueryCardsUseCase;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoints (Grizzly alone) and the API (Jersey's mappers) answer one code with the
 * same status, the same {@code Retry-After} and the same bytes, whichever path wrote them.
 */
class OneErrorVocabularyTest {

    private final ReceiveDeliveryUseCase receiver = mock(ReceiveDeliveryUseCase.class);
    private final QueryCardsUseCase cards = mock(QueryCardsUseCase.class);
    private HttpAdapterServer server;

    @BeforeEach
    void start() {
        when(receiver.isConfigured(any())).thenReturn(true);
        server = new HttpAdapterServer(receiver, mock(DeliveryCounter.class),
                new ApiTokenFilter(new ApiToken(Optional.of(HttpAdapterServer.TOKEN))),
                new CardResource(cards, mock(TraceProvenanceUseCase.class)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theStoreDown_isTheSame503_onAWebhookAndOnTheApi() throws Exception {
        when(receiver.receive(any())).thenReturn(CompletableFuture.completedFuture(
                ReceiveResult.of(DeliveryOutcome.UNAVAILABLE)));
        when(cards.list(any(), any())).thenThrow(new StoreUnavailableException("down", new RuntimeException()));

        assertSameAnswer(delivery(), server.get("/api/cards"), 503);
    }

    @Test
    void anUnforeseenFailure_isTheSame500_onAWebhookAndOnTheApi() throws Exception {
        when(receiver.receive(any())).thenThrow(new IllegalStateException("a bug, with internals"));
        when(cards.list(any(), any())).thenThrow(new IllegalStateException("a bug, with internals"));

        assertSameAnswer(delivery(), server.get("/api/cards"), 500);
    }

    @Test
    void anUnknownId_isTheSame404_fromJerseysRoutingAndFromAResource() throws Exception {
        when(cards.find(any())).thenReturn(Optional.empty());

        assertSameAnswer(server.get("/api/spaceships"), server.get("/api/cards/c1"), 404);
    }

    private HttpResponse<String> delivery() throws Exception {
        return server.send(server.request("/webhooks/titancard").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static void assertSameAnswer(HttpResponse<String> one, HttpResponse<String> other, int status) {
        assertEquals(status, one.statusCode(), one.body());
        assertEquals(status, other.statusCode(), other.body());
        assertEquals(one.body(), other.body());
        assertEquals(one.headers().firstValue("content-type"), other.headers().firstValue("content-type"));
        assertEquals(one.headers().firstValue("retry-after"), other.headers().firstValue("retry-after"));
    }
}
