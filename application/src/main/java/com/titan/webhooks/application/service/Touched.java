package com.titan.webhooks.application.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The aggregates of one type that a projection batch touched: each as loaded (a copy, absent for
 * one never stored), as it is now, and the position in the batch of the last event that changed
 * it. An event that changes nothing (an older retry, a duplicate) leaves no trace, so that only
 * real changes are saved and recorded.
 *
 * @param <K> the aggregate's id
 * @param <A> the aggregate, whose {@code equals} compares state
 */
final class Touched<K, A> {

    private final UnaryOperator<A> copy;
    private final ToLongFunction<A> version;
    private final Map<K, A> current = new HashMap<>();
    private final Map<K, A> loaded = new HashMap<>();
    private final Map<K, Integer> lastChangedBy = new HashMap<>();

    Touched(UnaryOperator<A> copy, ToLongFunction<A> version) {
        this.copy = copy;
        this.version = version;
    }

    /** Takes an aggregate as the store holds it (version 0: never stored). */
    void take(K id, A aggregate) {
        current.put(id, aggregate);
        if (version.applyAsLong(aggregate) > 0) {
            loaded.put(id, copy.apply(aggregate));
        }
    }

    boolean has(K id) {
        return current.containsKey(id);
    }

    /** Applies event number {@code index} of the batch to the aggregate, loading it first if needed. */
    void apply(K id, Function<K, A> load, Consumer<A> event, int index) {
        if (!current.containsKey(id)) {
            take(id, load.apply(id));
        }
        A aggregate = current.get(id);
        A before = copy.apply(aggregate);
        event.accept(aggregate);
        if (!aggregate.equals(before)) {
            lastChangedBy.put(id, index);
        }
    }

    /** Drops every aggregate, unsaved and unrecorded: an event was refused half-way through one. */
    void discard() {
        current.clear();
        loaded.clear();
        lastChangedBy.clear();
    }

    /** The keys of the aggregates whose state differs from what was loaded, in {@code order}. */
    List<K> changed(Comparator<K> order) {
        return lastChangedBy.keySet().stream().filter(id -> !current.get(id).equals(loaded.get(id)))
                .sorted(order).toList();
    }

    /** Every aggregate touched, as it is now. */
    Collection<A> all() {
        return current.values();
    }

    Optional<A> loaded(K id) {
        return Optional.ofNullable(loaded.get(id));
    }

    A current(K id) {
        return current.get(id);
    }

    int lastChangedBy(K id) {
        return lastChangedBy.get(id);
    }
}
