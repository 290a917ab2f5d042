package com.titan.webhooks.application.port.out.memory;

import java.time.Instant;

/** The SQL stores keep times as epoch milliseconds; so does this one, so that both answer the same. */
final class Millis {

    private Millis() {
    }

    static Instant of(Instant at) {
        return Instant.ofEpochMilli(at.toEpochMilli());
    }
}
