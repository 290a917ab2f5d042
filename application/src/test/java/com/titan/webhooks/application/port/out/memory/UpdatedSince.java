package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.memory.StoreState.Stored;
import java.time.Instant;
import java.util.Optional;

/** The {@code updated_since} filter: changed by a recorded change at or after that time; never, if never marked. */
final class UpdatedSince {

    private UpdatedSince() {
    }

    static boolean matches(Stored<?> row, Optional<Instant> since) {
        return since.map(at -> row.changedAt() != null && !row.changedAt().isBefore(Millis.of(at))).orElse(true);
    }
}
