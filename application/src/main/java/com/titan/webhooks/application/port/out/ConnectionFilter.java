package com.titan.webhooks.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Which connections to list; every criterion is optional. Deleted ones only when asked. */
public record ConnectionFilter(Optional<String> status, Optional<String> tag, Optional<String> email,
                               Optional<Instant> updatedSince, boolean includeDeleted) {
}
