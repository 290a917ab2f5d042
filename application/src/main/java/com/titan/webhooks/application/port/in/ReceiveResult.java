package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.EventId;
import java.util.Optional;

/** What became of one delivery: the outcome, the stored event it maps to, and for a malformed one, why. */
public record ReceiveResult(DeliveryOutcome outcome, Optional<EventId> eventId, Optional<String> detail) {

    public ReceiveResult {
        Require.nonNull(outcome, "outcome");
        Require.nonNull(eventId, "eventId");
        Require.nonNull(detail, "detail");
    }

    public static ReceiveResult of(DeliveryOutcome outcome) {
        return new ReceiveResult(outcome, Optional.empty(), Optional.empty());
    }

    public static ReceiveResult stored(DeliveryOutcome outcome, EventId eventId) {
        return new ReceiveResult(outcome, Optional.of(eventId), Optional.empty());
    }

    public static ReceiveResult malformed(EventId eventId, String detail) {
        return new ReceiveResult(DeliveryOutcome.MALFORMED, Optional.ofNullable(eventId), Optional.of(detail));
    }
}
