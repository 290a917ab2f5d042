package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import java.util.Optional;

/** Replay one event by id, or every event in one status; exactly one of the two is given. */
public record ReplayCommand(Optional<EventId> eventId, Optional<ProcessingStatus> status) {

    public ReplayCommand {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(status, "status");
        if (eventId.isPresent() == status.isPresent()) {
            throw new IllegalArgumentException("replay either one event or one status");
        }
        if (status.filter(s -> s == ProcessingStatus.MALFORMED).isPresent()) {
            throw new IllegalArgumentException("malformed events cannot be applied; they are kept for inspection");
        }
    }

    public static ReplayCommand event(EventId id) {
        return new ReplayCommand(Optional.of(id), Optional.empty());
    }

    public static ReplayCommand status(ProcessingStatus status) {
        return new ReplayCommand(Optional.empty(), Optional.of(status));
    }
}
