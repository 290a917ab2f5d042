package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.AggregateType;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which changes to read: those after a position (from the oldest retained one when empty), of
 * some aggregate types (every type when empty), at most {@code limit} of them.
 */
public record ChangeQuery(OptionalLong after, Set<AggregateType> types, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    public ChangeQuery {
        if (after.isPresent() && after.getAsLong() < 0) {
            throw new IllegalArgumentException("a position is never negative");
        }
        types = Set.copyOf(types);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }
}
