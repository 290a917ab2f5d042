package com.titan.webhooks.application.port.in;

import java.util.List;
import com.titan.webhooks.domain.delivery.EventId;

/**
 * Inbound port: queue stored events to be applied again: after a fix, or when a handler for an
 * ignored type was added. Replaying an applied event changes nothing.
 */
public interface ReplayEventsUseCase {

    /** The ids queued; empty when nothing matched. */
    List<EventId> replay(ReplayCommand command);
}
