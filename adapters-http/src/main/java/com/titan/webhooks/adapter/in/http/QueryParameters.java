package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.out.Page;
import com.titan.webhooks.application.port.out.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Parsing of the query API's parameters, and the shape of its lists. */
final class QueryParameters {

    private QueryParameters() {
    }

    static PageRequest page(String cursor, String limit) {
        return new PageRequest(text(cursor), integer("limit", limit, PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT));
    }

    /** An integer parameter from {@code min} to {@code max}; {@code fallback} when absent. */
    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidParameterException(name + " must be an integer from " + min + " to " + max);
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException notIso) {
            throw new InvalidParameterException(name + " must be an ISO-8601 UTC time, e.g. 2026-01-16T16:00:00Z");
        }
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidParameterException(name + " must be true or false");
    }

    /** Runs a list query; a cursor the store does not recognise is the client's error. */
    static <T> Page<T> listing(Supplier<Page<T>> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException badCursor) {
            throw new InvalidParameterException(badCursor.getMessage());
        }
    }

    /** {@code {"items":[...],"next_cursor":"..."}} */
    static <T> Map<String, Object> list(Page<T> page, Function<T, ?> item) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Object> items = page.items().stream().<Object>map(item).toList();
        body.put("items", items);
        body.put("next_cursor", page.nextCursor().orElse(null));
        return body;
    }
}
