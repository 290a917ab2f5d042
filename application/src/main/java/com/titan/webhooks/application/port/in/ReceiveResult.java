package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.util.Optional;

/**
 * What became of one delivery: the outcome, the stored event it maps to, for a malformed one why,
 * and for an authentic one which configured secret verified it.
 */
public record ReceiveResult(DeliveryOutcome outcome, Optional<EventId> eventId, Optional<String> detail,
                            Optional<SecretUsed> secretUsed) {

    public ReceiveResult {
        Require.nonNull(outcome, "outcome");
        Require.nonNull(eventId, "eventId");
        Require.nonNull(detail, "detail");
        Require.nonNull(secretUsed, "secretUsed");
    }

    public static ReceiveResult of(DeliveryOutcome outcome) {
        return new ReceiveResult(outcome, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ReceiveResult stored(DeliveryOutcome outcome, EventId eventId, SecretUsed secretUsed) {
        return new ReceiveResult(outcome, Optional.of(eventId), Optional.empty(), Optional.of(secretUsed));
    }

    public static ReceiveResult malformed(EventId eventId, String detail, SecretUsed secretUsed) {
        return new ReceiveResult(DeliveryOutcome.MALFORMED, Optional.ofNullable(eventId), Optional.of(detail),
                Optional.of(secretUsed));
    }
}
