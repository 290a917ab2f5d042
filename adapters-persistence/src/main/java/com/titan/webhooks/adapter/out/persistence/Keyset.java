package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.UnknownCursorException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset pagination: a page holds the rows after the previous page's last key, in key order, so a
 * row inserted meanwhile never shifts a page. The cursor is that key, Base64url-encoded so that
 * clients treat it as opaque.
 */
final class Keyset {

    private Keyset() {
    }

    /** The key to continue after; the empty string (before every key) for the first page. */
    static String after(Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return "";
        }
        try {
            String key = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.get()))).toString();
            // every key this service issues is text a store can compare; PostgreSQL refuses a NUL outright
            if (key.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("control characters");
            }
            return key;
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            throw new UnknownCursorException();
        }
    }

    static long afterNumber(Optional<String> cursor) {
        String key = after(cursor);
        try {
            return key.isEmpty() ? 0 : Long.parseLong(key);
        } catch (NumberFormatException notOurs) {
            throw new UnknownCursorException();
        }
    }

    /** {@code rows} fetched with {@code limit + 1}: the extra row only says that a next page exists. */
    static <R, T> Page<T> page(List<R> rows, int limit, Function<R, String> key, Function<R, T> item) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        Optional<String> next = more
                ? Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        key.apply(shown.get(shown.size() - 1)).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new Page<>(shown.stream().map(item).toList(), next);
    }
}
