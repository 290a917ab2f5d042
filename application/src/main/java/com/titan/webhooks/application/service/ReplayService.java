package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.ReplayCommand;
import com.titan.webhooks.application.port.in.ReplayEventsUseCase;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Clock;
import java.util.List;

/** Use case: make stored events due again; the worker applies them as it applies new ones. */
public final class ReplayService implements ReplayEventsUseCase {

    private final Inbox inbox;
    private final Clock clock;
    private final PendingWork pendingWork;

    public ReplayService(Inbox inbox, Clock clock, PendingWork pendingWork) {
        this.inbox = inbox;
        this.clock = clock;
        this.pendingWork = pendingWork;
    }

    @Override
    public List<EventId> replay(ReplayCommand command) {
        List<EventId> queued = inbox.requeue(new ReplaySelection(command.eventId(), command.status()), clock.instant());
        if (!queued.isEmpty()) {
            pendingWork.signal();
        }
        return queued;
    }
}
