package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.UnknownCursorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Keyset pages over a sorted map, as the SQL stores page: a page holds the entries after the
 * previous page's last key. A cursor is opaque to the caller, and only cursors this store issued
 * are taken; any other is an {@link UnknownCursorException}.
 */
final class IssuedCursors {

    private final Map<String, Object> keys = new ConcurrentHashMap<>();

    /**
     * The page of {@code rows} (in key order) that {@code page} asks for, of the rows {@code matches}
     * keeps, each shown as {@code item} makes it.
     */
    <K extends Comparable<K>, R, T> Page<T> page(NavigableMap<K, R> rows, Class<K> keyType, PageRequest page,
                                                 Predicate<R> matches, Function<R, T> item) {
        NavigableMap<K, R> after = page.after().isEmpty() ? rows : rows.tailMap(keyAfter(page.after().get(), keyType), false);
        List<Map.Entry<K, R>> shown = new ArrayList<>();
        boolean more = false;
        for (Map.Entry<K, R> entry : after.entrySet()) {
            if (!matches.test(entry.getValue())) {
                continue;
            }
            if (shown.size() == page.limit()) {
                more = true;
                break;
            }
            shown.add(entry);
        }
        Optional<String> next = more ? Optional.of(issue(shown.get(shown.size() - 1).getKey())) : Optional.empty();
        return new Page<>(shown.stream().map(entry -> item.apply(entry.getValue())).toList(), next);
    }

    private String issue(Object key) {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key.getClass().getSimpleName() + ":" + key).getBytes(StandardCharsets.UTF_8));
        keys.put(cursor, key);
        return cursor;
    }

    private <K> K keyAfter(String cursor, Class<K> keyType) {
        Object key = keys.get(cursor);
        if (!keyType.isInstance(key)) {
            throw new UnknownCursorException();
        }
        return keyType.cast(key);
    }
}
