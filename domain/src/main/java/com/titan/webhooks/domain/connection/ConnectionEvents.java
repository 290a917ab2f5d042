package com.titan.webhooks.domain.connection;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Copies field maps defensively; unlike Map.copyOf it keeps null values (a cleared field). */
final class ConnectionEvents {

    private ConnectionEvents() {
    }

    static Map<ConnectionField, String> copy(Map<ConnectionField, String> fields) {
        return fields.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(fields));
    }
}
