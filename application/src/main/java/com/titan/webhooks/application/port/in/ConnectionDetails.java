package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.reminder.Reminder;
import java.util.List;
import java.util.Optional;

/** A connection with what points at it: its reminders, and the lead status of the TitanX contact it is linked to. */
public record ConnectionDetails(Connection connection, List<Reminder> reminders, Optional<String> leadStatus) {

    public ConnectionDetails {
        reminders = List.copyOf(reminders);
    }
}
