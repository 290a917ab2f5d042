package com.titan.webhooks.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Which scored contacts to list; every criterion is optional. {@code updatedSince}: changed by
 * this service at or after that time.
 */
public record ContactFilter(Optional<String> leadStatus, Optional<String> email, Optional<Instant> updatedSince) {
}
