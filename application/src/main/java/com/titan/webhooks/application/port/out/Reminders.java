package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.Optional;

/** Outbound port: the reminders, loaded and saved whole. */
public interface Reminders {

    Optional<Reminder> find(ReminderId id);

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Reminder aggregate);

    /** Reminders in id order, from the page's cursor on. */
    Page<Reminder> list(ReminderFilter filter, PageRequest page);
}
