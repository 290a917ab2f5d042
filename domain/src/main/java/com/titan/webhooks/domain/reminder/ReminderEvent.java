package com.titan.webhooks.domain.reminder;

import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code reminder.created} and {@code reminder.due}: both carry the whole reminder, and differ in
 * its status ({@code pending}, {@code due}, ...), so one record serves both.
 */
public record ReminderEvent(ReminderId reminderId, Stamp stamp, Map<ReminderField, String> fields)
        implements ProviderEvent {

    public ReminderEvent {
        fields = fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fields));
    }
}
