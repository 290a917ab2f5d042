package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.memory.StoreState.Stored;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * One kind of aggregate kept with optimistic versions, as the SQL repositories keep them: a save
 * of version 0 creates, a save of version n replaces version n, anything else is refused with
 * {@link ConcurrentUpdateException}; the stored copy is at the next version. Aggregates are
 * mutable, so only copies go in and out.
 */
final class VersionedAggregates<A> {

    private final InMemoryStore store;
    private final String kind;
    private final Function<StoreState, TreeMap<String, Stored<A>>> table;
    private final Function<A, String> key;
    private final ToLongFunction<A> version;
    private final UnaryOperator<A> copy;
    private final BiFunction<A, Long, A> atVersion;

    VersionedAggregates(InMemoryStore store, String kind, Function<StoreState, TreeMap<String, Stored<A>>> table,
                        Function<A, String> key, ToLongFunction<A> version, UnaryOperator<A> copy,
                        BiFunction<A, Long, A> atVersion) {
        this.store = store;
        this.kind = kind;
        this.table = table;
        this.key = key;
        this.version = version;
        this.copy = copy;
        this.atVersion = atVersion;
    }

    Optional<A> find(String id) {
        return store.read(state -> Optional.ofNullable(table.apply(state).get(id)).map(stored -> copy.apply(stored.aggregate())));
    }

    Map<String, A> findAll(Collection<String> ids) {
        return store.read(state -> {
            Map<String, A> found = new HashMap<>();
            ids.forEach(id -> Optional.ofNullable(table.apply(state).get(id))
                    .ifPresent(stored -> found.put(id, copy.apply(stored.aggregate()))));
            return found;
        });
    }

    /** All or none: every save is checked against the stored versions before any is stored. */
    void saveAll(List<A> aggregates) {
        store.update(state -> {
            TreeMap<String, Stored<A>> rows = table.apply(state);
            Map<String, Stored<A>> saved = new LinkedHashMap<>();
            for (A aggregate : aggregates) {
                String id = key.apply(aggregate);
                Stored<A> current = saved.containsKey(id) ? saved.get(id) : rows.get(id);
                long loaded = version.applyAsLong(aggregate);
                long stored = current == null ? 0 : version.applyAsLong(current.aggregate());
                if (loaded != stored) {
                    throw new ConcurrentUpdateException(kind + " " + id + " changed since it was loaded");
                }
                saved.put(id, new Stored<>(atVersion.apply(aggregate, loaded + 1),
                        current == null ? null : current.changedAt()));
            }
            rows.putAll(saved);
        });
    }

    Page<A> list(IssuedCursors cursors, PageRequest page, Predicate<Stored<A>> matches) {
        return store.read(state -> cursors.page(table.apply(state), String.class, page, matches,
                stored -> copy.apply(stored.aggregate())));
    }

    /** The stored aggregates {@code matches} keeps, in key order, not copied: to read, never to hand out. */
    List<A> storedWhere(Predicate<A> matches) {
        return store.read(state -> table.apply(state).values().stream().map(Stored::aggregate).filter(matches).toList());
    }

    A copyOf(A stored) {
        return copy.apply(stored);
    }
}
