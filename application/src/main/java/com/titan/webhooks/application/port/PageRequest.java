package com.titan.webhooks.application.port;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a page starts (the opaque cursor of the previous page, if any) and how many items it holds,
 * from 1 to {@value #MAX_LIMIT}.
 */
public record PageRequest(Optional<String> after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }
}
