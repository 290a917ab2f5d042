package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderField;

/** A follow-up scheduled for a connection, with the fields of TitanCard's reminder events. */
public record ReminderResponse(String id, String connectionId, String scheduledFor, String message, String status,
                               String type, String contactName, String contactEmail, String contactCompany)
        implements AggregateResponse {

    static ReminderResponse from(Reminder reminder) {
        return new ReminderResponse(reminder.id().value(), field(reminder, ReminderField.CONNECTION_ID),
                field(reminder, ReminderField.SCHEDULED_FOR), field(reminder, ReminderField.MESSAGE),
                field(reminder, ReminderField.STATUS), field(reminder, ReminderField.TYPE),
                field(reminder, ReminderField.CONTACT_NAME), field(reminder, ReminderField.CONTACT_EMAIL),
                field(reminder, ReminderField.CONTACT_COMPANY));
    }

    private static String field(Reminder reminder, ReminderField field) {
        return reminder.field(field).orElse(null);
    }
}
