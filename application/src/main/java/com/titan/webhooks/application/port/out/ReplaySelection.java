package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import java.util.Optional;

/** Which stored events to re-queue: one by id, or all in a status. */
public record ReplaySelection(Optional<EventId> eventId, Optional<ProcessingStatus> status) {
}
