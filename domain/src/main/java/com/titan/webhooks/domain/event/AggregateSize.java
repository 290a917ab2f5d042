package com.titan.webhooks.domain.event;

import com.titan.webhooks.domain.LimitReachedException;
import java.util.Collection;
import java.util.Map;

/**
 * The bound on what one aggregate may hold, counted in characters of text: a count of items is no
 * bound when each item may be a megabyte. Every aggregate is loaded whole for each batch that
 * touches it and re-read by its route, so one that grew without bound would cost memory and time
 * on every later event, and at worst exhaust the heap.
 */
public final class AggregateSize {

    /** At most this many characters of text in one aggregate (about 2 MB of heap, 1 MB of JSON). */
    public static final long MAX_CHARACTERS = 1_000_000;

    private AggregateSize() {
    }

    /**
     * Refuses a change that leaves an aggregate above the bound and larger than it was; a change
     * that shrinks an oversized one (a field cleared) is let through.
     */
    public static void check(String aggregate, String id, long before, long after) {
        if (after > MAX_CHARACTERS && after > before) {
            throw new LimitReachedException(aggregate + " " + id + " would hold " + after + " characters, more than "
                    + MAX_CHARACTERS);
        }
    }

    public static long of(String text) {
        return text == null ? 0 : text.length();
    }

    public static long of(Collection<String> texts) {
        return texts.stream().mapToLong(AggregateSize::of).sum();
    }

    /** The values of stamped fields, with the keys of the stamps that set them. */
    public static <K> long ofFields(Map<K, Stamped<String>> fields) {
        long total = 0;
        for (Map.Entry<K, Stamped<String>> field : fields.entrySet()) {
            total += of(field.getKey().toString()) + of(field.getValue().value()) + of(field.getValue().stamp().eventKey());
        }
        return total;
    }
}
