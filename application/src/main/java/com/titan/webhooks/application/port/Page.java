package com.titan.webhooks.application.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list in a stable order, and the cursor of the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), nextCursor);
    }
}
