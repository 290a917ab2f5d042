package com.titan.webhooks.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.SigningSecrets;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReceiveDeliveryServiceTest {

    private static final SigningSecret SECRET = new SigningSecret("whsec_unit");
    private static final byte[] BODY = "{\"event\":\"card.created\"}".getBytes(StandardCharsets.UTF_8);
    private static final EventId ID = new EventId("00000000-0000-0000-0000-000000000001");

    private final SigningSecrets secrets = mock(SigningSecrets.class);
    private final EventDecoder decoder = mock(EventDecoder.class);
    private final Inbox inbox = mock(Inbox.class);
    // busy from the first delivery in flight: every test's aftermath shows whether each was counted out again
    private final PendingWork pendingWork = new PendingWork(1);
    private final ReceiveDeliveryService service = new ReceiveDeliveryService(secrets, decoder, inbox, () -> ID,
            Clock.fixed(Instant.parse("2026-01-16T16:00:00.123456Z"), ZoneOffset.UTC), pendingWork);

    @AfterEach
    void nothingIsLeftCountedAsBeingStored() {
        assertFalse(pendingWork.ingestIsBusy(), "a delivery still counted as being stored");
    }

    @Test
    void aDeliveryWaitingForItsCommit_countsAsBeingStored_untilCommitted() {
        when(secrets.activeFor(Source.TITANCARD)).thenReturn(List.of(SECRET));
        when(decoder.decodeEnvelope(Source.TITANCARD, BODY)).thenReturn(envelope("card.created"));
        when(decoder.handles(Source.TITANCARD, "card.created")).thenReturn(true);
        CompletableFuture<Appended> commit = new CompletableFuture<>();
        when(inbox.append(any())).thenReturn(commit);

        service.receive(new ReceiveDeliveryCommand(Source.TITANCARD, BODY, signed(), Map.of()));
        assertTrue(pendingWork.ingestIsBusy());

        commit.complete(new Appended(ID, false));
    }

    @Test
    void unconfiguredSource_isAnsweredBeforeAnythingElse() {
        when(secrets.activeFor(Source.TITANCARD)).thenReturn(List.of());
        assertEquals(DeliveryOutcome.NOT_CONFIGURED, receive(signed()).outcome());
        verifyNoInteractions(decoder, inbox);
    }

    @Test
    void unauthenticatedDelivery_neverReachesTheDecoderOrTheStore() {
        when(secrets.activeFor(Source.TITANCARD)).thenReturn(List.of(SECRET));
        assertEquals(DeliveryOutcome.INVALID_SIGNATURE, receive("sha256=" + "0".repeat(64)).outcome());
        assertEquals(DeliveryOutcome.INVALID_SIGNATURE, receive(null).outcome());
        verifyNoInteractions(decoder, inbox);
    }

    @Test
    void authenticButMalformed_isKeptAsMalformedWithTheReason() {
        when(secrets.activeFor(Source.TITANCARD)).thenReturn(List.of(SECRET));
        when(decoder.decodeEnvelope(Source.TITANCARD, BODY)).thenThrow(new MalformedPayloadException("data is missing"));

        ReceiveResult result = receive(signed());

        assertEquals(DeliveryOutcome.MALFORMED, result.outcome());
        assertEquals(Optional.of("data is missing"), result.detail());
        ArgumentCaptor<NewDelivery> stored = ArgumentCaptor.forClass(NewDelivery.class);
        verify(inbox).append(stored.capture());
        assertEquals(ProcessingStatus.MALFORMED, stored.getValue().status());
        assertEquals(Optional.of("data is missing"), stored.getValue().error());
    }

    @Test
    void unknownEventType_isStoredAsIgnored() {
        when(secrets.activeFor(Source.TITANCARD)).thenReturn(List.of(SECRET));
        when(decoder.decodeEnvelope(Source.TITANCARD, BODY)).thenReturn(envelope("card.teleported"));
        when(decoder.handles(Source.TITANCARD, "card.teleported")).thenReturn(false);
        when(inbox.append(any())).thenReturn(CompletableFuture.completedFuture(new Appended(ID, false)));

        assertEquals(DeliveryOutcome.IGNORED, receive(signed()).outcome());
        ArgumentCaptor<NewDelivery> stored = ArgumentCaptor.forClass(NewDelivery.class);
        verify(inbox).append(stored.capture());
        assertEquals(ProcessingStatus.IGNORED, stored.getValue().status());
        assertEquals(Instant.parse("2026-01-16T16:00:00.123Z"), stored.getValue().receivedAt());
    }

    @Test
    void storeFailure_isUnavailable() {
        when(secrets.activeFor(Source.TITANCARD)).thenReturn(List.of(SECRET));
        when(decoder.decodeEnvelope(Source.TITANCARD, BODY)).thenReturn(envelope("card.created"));
        when(decoder.handles(Source.TITANCARD, "card.created")).thenReturn(true);
        when(inbox.append(any())).thenReturn(CompletableFuture.failedFuture(new StoreUnavailableException("down", null)));

        assertEquals(DeliveryOutcome.UNAVAILABLE, receive(signed()).outcome());
    }

    @Test
    void storeRefusingAtOnce_isUnavailable_too() {
        when(secrets.activeFor(Source.TITANCARD)).thenReturn(List.of(SECRET));
        when(decoder.decodeEnvelope(Source.TITANCARD, BODY)).thenReturn(envelope("card.created"));
        when(decoder.handles(Source.TITANCARD, "card.created")).thenReturn(true);
        when(inbox.append(any())).thenThrow(new StoreUnavailableException("down", null));

        assertEquals(DeliveryOutcome.UNAVAILABLE, receive(signed()).outcome());
    }

    @Test
    void signatureHeader_isNeverPassedOnWithTheStoredHeaders() {
        ReceiveDeliveryCommand command = new ReceiveDeliveryCommand(Source.TITANCARD, BODY, signed(),
                Map.of("X-Webhook-Signature", signed(), "User-Agent", "TitanCard-Webhooks/1.0"));
        assertEquals(Map.of("user-agent", "TitanCard-Webhooks/1.0"), command.headers());
    }

    private ReceiveResult receive(String signature) {
        return service.receive(new ReceiveDeliveryCommand(Source.TITANCARD, BODY, signature, Map.of()))
                .toCompletableFuture().join();
    }

    private static String signed() {
        return Source.TITANCARD.signaturePolicy().sign(BODY, SECRET);
    }

    private static Envelope envelope(String type) {
        return new Envelope(Source.TITANCARD, type, Instant.ofEpochMilli(1_705_420_800_000L), new IdempotencyKey("k"));
    }
}
