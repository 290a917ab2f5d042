package com.titan.webhooks.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Which reminders to list; every criterion is optional. {@code updatedSince}: changed by this
 * service at or after that time.
 */
public record ReminderFilter(Optional<String> status, Optional<Instant> dueBefore, Optional<String> connectionId,
                             Optional<Instant> updatedSince) {

    public static ReminderFilter forConnection(String connectionId) {
        return new ReminderFilter(Optional.empty(), Optional.empty(), Optional.of(connectionId), Optional.empty());
    }
}
