package com.titan.webhooks.domain.delivery;

import java.util.Arrays;
import java.util.Optional;

/** Where a stored event is in its life: received, then applied, ignored, retried or parked. */
public enum ProcessingStatus {
    /** Stored and waiting to be applied (also after a failed attempt that will be retried). */
    RECEIVED,
    /** Applied to its aggregate. */
    PROCESSED,
    /** An event type the service has no handler for; kept so that a later handler can replay it. */
    IGNORED,
    /** The last attempt failed; it will be retried after a backoff. */
    FAILED,
    /** Failed too often; waits for an operator's replay. */
    PARKED,
    /** Authentic, but its envelope is not what the provider documents; kept for inspection. */
    MALFORMED;

    // asked for on every status written and read: computed once
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<ProcessingStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(name)).findFirst();
    }
}
