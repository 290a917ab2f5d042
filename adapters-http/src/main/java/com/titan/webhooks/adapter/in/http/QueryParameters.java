package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.PageRequest;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Parsing of the query API's parameters. */
final class QueryParameters {

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private QueryParameters() {
    }

    static PageRequest page(String cursor, String limit) {
        return page("limit", cursor, limit);
    }

    /** A page whose limit is the parameter {@code limitName} (a route that pages more than one list). */
    static PageRequest page(String limitName, String cursor, String limit) {
        return new PageRequest(text(cursor),
                integer(limitName, limit, PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT));
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

    /**
     * An id a list is filtered by: absent, or as sent. Sent blank it is refused, never taken for
     * "no filter": a client that meant one connection's reminders must not get everyone's.
     */
    static Optional<String> filterId(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw new InvalidParameterException(name + " must not be blank: it names one aggregate");
        }
        return Optional.of(value);
    }

    static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException notIso) {
            instant = null;
        }
        // the stores keep milliseconds since the epoch: four-digit years are all a filter needs
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidParameterException(name + " must be an ISO-8601 UTC time from year 0000 to 9999,"
                    + " e.g. 2026-01-16T16:00:00Z");
        }
        return Optional.of(instant);
    }

    /**
     * A path's id as the domain's value, or 404: an id the domain refuses (blank, say) names
     * nothing stored.
     */
    static <T> T id(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | NullPointerException refused) {
            throw new NotFoundException();
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
}
