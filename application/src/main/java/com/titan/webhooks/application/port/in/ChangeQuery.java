package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.AggregateType;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which changes to read: those after a position (from the oldest retained one when empty), of
 * some aggregate types (every type when empty), of one aggregate when {@code aggregateId} is
 * given (then exactly one type), at most {@code limit} of them.
 */
public record ChangeQuery(OptionalLong after, Set<AggregateType> types, Optional<String> aggregateId, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    public ChangeQuery {
        if (after.isPresent() && after.getAsLong() < 0) {
            throw new IllegalArgumentException("a position is never negative");
        }
        types = Set.copyOf(types);
        if (aggregateId.isPresent() && types.size() != 1) {
            throw new IllegalArgumentException("an aggregate id needs exactly one aggregate type");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }

    /** Changes of every aggregate of {@code types}. */
    public ChangeQuery(OptionalLong after, Set<AggregateType> types, int limit) {
        this(after, types, Optional.empty(), limit);
    }

    /** The same query, from {@code position} on. */
    public ChangeQuery from(long position) {
        return new ChangeQuery(OptionalLong.of(position), types, aggregateId, limit);
    }
}
