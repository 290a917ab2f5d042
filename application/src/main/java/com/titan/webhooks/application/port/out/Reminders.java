package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Outbound port: the reminders, loaded and saved whole. */
public interface Reminders extends AggregateStore<ReminderId, Reminder> {

    /**
     * For each of {@code connections} that has any, the first {@code eachAtMost} reminders that
     * point at it, in id order, in one round trip.
     */
    Map<ConnectionId, List<Reminder>> pointingAt(Collection<ConnectionId> connections, int eachAtMost);

    /** Reminders in id order, from the page's cursor on. */
    Page<Reminder> list(ReminderFilter filter, PageRequest page);
}
