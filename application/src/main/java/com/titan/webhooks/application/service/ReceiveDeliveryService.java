package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.DeliveryHeaders;
import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.EventIds;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.SigningSecrets;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SecretUsed;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Use case: verify a delivery over its exact bytes, read its envelope, and store it once. Nothing
 * unauthenticated reaches the decoder or the store.
 */
public final class ReceiveDeliveryService implements ReceiveDeliveryUseCase {

    private final SigningSecrets secrets;
    private final EventDecoder decoder;
    private final Inbox inbox;
    private final EventIds ids;
    private final Clock clock;
    private final PendingWork pendingWork;

    public ReceiveDeliveryService(SigningSecrets secrets, EventDecoder decoder, Inbox inbox, EventIds ids,
                                  Clock clock, PendingWork pendingWork) {
        this.secrets = secrets;
        this.decoder = decoder;
        this.inbox = inbox;
        this.ids = ids;
        this.clock = clock;
        this.pendingWork = pendingWork;
    }

    @Override
    public boolean isConfigured(Source source) {
        return !secrets.activeFor(source).isEmpty();
    }

    @Override
    public CompletionStage<ReceiveResult> receive(ReceiveDeliveryCommand command) {
        Source source = command.source();
        List<SigningSecret> active = secrets.activeFor(source);
        if (active.isEmpty()) {
            return CompletableFuture.completedFuture(ReceiveResult.of(DeliveryOutcome.NOT_CONFIGURED));
        }
        Optional<SecretUsed> verified = source.signaturePolicy().secretUsed(command.body(), command.signature(), active);
        if (verified.isEmpty()) {
            return CompletableFuture.completedFuture(ReceiveResult.of(DeliveryOutcome.INVALID_SIGNATURE));
        }
        SecretUsed secretUsed = verified.get();
        // stored times have millisecond precision in every store; truncate once, here
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EventId id = ids.next();
        Envelope envelope;
        try {
            envelope = decoder.decodeEnvelope(source, command.body());
        } catch (MalformedPayloadException malformed) {
            return keepMalformed(command, id, receivedAt, malformed.getMessage(), secretUsed);
        }
        boolean handled = decoder.handles(source, envelope.eventType());
        NewDelivery delivery = new NewDelivery(id, source, Optional.of(envelope), receivedAt, command.body(),
                withMismatchNote(command, envelope), handled ? ProcessingStatus.RECEIVED : ProcessingStatus.IGNORED,
                Optional.empty(), verified);
        return stored(delivery, appended -> {
            if (appended.duplicate()) {
                return ReceiveResult.stored(DeliveryOutcome.DUPLICATE, appended.eventId(), secretUsed);
            }
            if (handled) {
                pendingWork.signal();
            }
            return ReceiveResult.stored(handled ? DeliveryOutcome.ACCEPTED : DeliveryOutcome.IGNORED,
                    appended.eventId(), secretUsed);
        });
    }

    private CompletionStage<ReceiveResult> keepMalformed(ReceiveDeliveryCommand command, EventId id, Instant receivedAt,
                                                         String detail, SecretUsed secretUsed) {
        NewDelivery delivery = new NewDelivery(id, command.source(), Optional.empty(), receivedAt, command.body(),
                command.headers(), ProcessingStatus.MALFORMED, Optional.of(detail), Optional.of(secretUsed));
        // if it cannot be kept, the provider gets a 503 and retries; a 400 would end its retries
        return stored(delivery, appended -> ReceiveResult.malformed(id, detail, secretUsed));
    }

    /** Appends, and answers UNAVAILABLE (never an exception) when the store cannot take it. */
    private CompletionStage<ReceiveResult> stored(NewDelivery delivery, Function<Appended, ReceiveResult> answer) {
        CompletionStage<Appended> appended;
        pendingWork.storing();
        try {
            appended = inbox.append(delivery);
        } catch (RuntimeException refused) {
            pendingWork.stored();
            return CompletableFuture.completedFuture(ReceiveResult.of(DeliveryOutcome.UNAVAILABLE));
        }
        return appended.handle((stored, failure) -> {
            pendingWork.stored();
            return failure == null ? answer.apply(stored) : ReceiveResult.of(DeliveryOutcome.UNAVAILABLE);
        });
    }

    /**
     * Routing follows the signed body only. When the unsigned event-type header disagrees, the
     * stored headers say so, for whoever inspects the event.
     */
    private static Map<String, String> withMismatchNote(ReceiveDeliveryCommand command, Envelope envelope) {
        Optional<String> header = DeliveryHeaders.of(command.source()).eventType();
        if (header.isEmpty()) {
            return command.headers();
        }
        String claimed = command.header(header.get());
        if (claimed == null || claimed.equals(envelope.eventType())) {
            return command.headers();
        }
        Map<String, String> noted = new java.util.TreeMap<>(command.headers());
        noted.put(HEADER_MISMATCH, header.get() + " says '" + claimed + "' but the signed body says '"
                + envelope.eventType() + "'");
        return noted;
    }

    /** The pseudo-header under which a disagreeing event-type header is recorded. */
    public static final String HEADER_MISMATCH = "x-titan-header-mismatch";
}
