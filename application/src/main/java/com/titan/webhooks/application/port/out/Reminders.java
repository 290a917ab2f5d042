package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outbound port: the reminders, loaded and saved whole. */
public interface Reminders {

    Optional<Reminder> find(ReminderId id);

    /** Those of {@code ids} that exist, in one round trip where the store allows. */
    default Map<ReminderId, Reminder> findAll(Collection<ReminderId> ids) {
        Map<ReminderId, Reminder> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(aggregate -> found.put(id, aggregate)));
        return found;
    }

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Reminder aggregate);

    /**
     * Saves several, each as {@link #save} would, all or none. A store may send them together.
     *
     * @throws ConcurrentUpdateException if any of them changed since it was loaded
     */
    default void saveAll(List<Reminder> aggregates) {
        aggregates.forEach(this::save);
    }

    /**
     * For each of {@code connections} that has any, the first {@code eachAtMost} reminders that
     * point at it, in id order, in one round trip.
     */
    Map<ConnectionId, List<Reminder>> pointingAt(Collection<ConnectionId> connections, int eachAtMost);

    /** Reminders in id order, from the page's cursor on. */
    Page<Reminder> list(ReminderFilter filter, PageRequest page);
}
