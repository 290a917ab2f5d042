package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.Optional;

/** Inbound port: read reminders. */
public interface QueryRemindersUseCase {

    Page<Reminder> list(ReminderFilter filter, PageRequest page);

    Optional<Reminder> find(ReminderId id);
}
