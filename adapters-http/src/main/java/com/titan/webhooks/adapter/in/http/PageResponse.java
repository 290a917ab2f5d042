package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list, {@code {"items":[...],"next_cursor":"..."}}; the cursor is null on the last page. */
public record PageResponse<T>(List<T> items, String nextCursor) {

    static <S, T> PageResponse<T> from(Page<S> page, Function<S, T> item) {
        return new PageResponse<>(page.items().stream().map(item).toList(), page.nextCursor().orElse(null));
    }
}
