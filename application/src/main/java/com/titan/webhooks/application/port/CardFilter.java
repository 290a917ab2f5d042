package com.titan.webhooks.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Which cards to list. Deleted ones only when asked; {@code updatedSince}: changed by this service
 * at or after that time.
 */
public record CardFilter(boolean includeDeleted, Optional<Instant> updatedSince) {
}
