package com.titan.webhooks.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Which connections to list; every criterion is optional. Deleted ones only when asked.
 * {@code updatedSince}: changed by this service (the linked lead status and reminders included)
 * at or after that time, whatever the provider's own times say.
 */
public record ConnectionFilter(Optional<String> status, Optional<String> tag, Optional<String> email,
                               Optional<Instant> updatedSince, boolean includeDeleted) {
}
