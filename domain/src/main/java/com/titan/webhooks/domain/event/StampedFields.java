package com.titan.webhooks.domain.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-field last-writer-wins: a field takes a value only from an event whose stamp is later than
 * the stamp that last set it. Merging is commutative, associative and idempotent, so the fields
 * end the same whatever order the events arrive in, and however often.
 *
 * @param <K> the aggregate's field names
 */
public final class StampedFields<K> {

    private final Map<K, Stamped<String>> values;

    private StampedFields(Map<K, Stamped<String>> values) {
        this.values = values;
    }

    public static <K> StampedFields<K> empty() {
        return new StampedFields<>(new HashMap<>());
    }

    /** Reconstitutes the fields from storage. */
    public static <K> StampedFields<K> of(Map<K, Stamped<String>> values) {
        return new StampedFields<>(new HashMap<>(values));
    }

    /** Applies every entry of {@code changes} (a null value clears the field) at {@code stamp}. */
    public void merge(Map<K, String> changes, Stamp stamp) {
        changes.forEach((field, value) -> merge(field, value, stamp));
    }

    public void merge(K field, String value, Stamp stamp) {
        Stamped<String> current = values.get(field);
        if (current == null || stamp.isAfter(current.stamp())) {
            values.put(field, new Stamped<>(value, stamp));
        }
    }

    public Optional<String> get(K field) {
        Stamped<String> stamped = values.get(field);
        return stamped == null ? Optional.empty() : Optional.ofNullable(stamped.value());
    }

    public Map<K, Stamped<String>> asMap() {
        return Map.copyOf(values);
    }

    /** How much text the fields hold (names, values, and the keys of the stamps that set them), uncopied. */
    public long characters() {
        return AggregateSize.ofFields(values);
    }

    /** The stamp of the most recent change to any field, or null if none was ever set. */
    public Stamp latestStamp() {
        Stamp latest = null;
        for (Stamped<String> stamped : values.values()) {
            latest = Stamp.latest(latest, stamped.stamp());
        }
        return latest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StampedFields<?> that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
