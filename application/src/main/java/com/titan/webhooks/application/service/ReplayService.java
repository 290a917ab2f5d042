package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.ReplayCommand;
import com.titan.webhooks.application.port.in.ReplayEventsUseCase;
import com.titan.webhooks.application.port.out.PendingEvents;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Clock;
import java.util.List;

/** Use case: make stored events due again; the worker applies them as it applies new ones. */
public final class ReplayService implements ReplayEventsUseCase {

    private final PendingEvents pendingEvents;
    private final Clock clock;
    private final PendingWork pendingWork;

    public ReplayService(PendingEvents pendingEvents, Clock clock, PendingWork pendingWork) {
        this.pendingEvents = pendingEvents;
        this.clock = clock;
        this.pendingWork = pendingWork;
    }

    @Override
    public List<EventId> replay(ReplayCommand command) {
        List<EventId> queued = pendingEvents.requeue(new ReplaySelection(command.eventId(), command.status()),
                clock.instant());
        if (!queued.isEmpty()) {
            pendingWork.signal();
        }
        return queued;
    }
}
