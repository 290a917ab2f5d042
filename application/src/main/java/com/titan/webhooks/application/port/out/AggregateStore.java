package com.titan.webhooks.application.port.out;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outbound port: one kind of aggregate, loaded and saved whole; what the projection needs of every
 * aggregate's store. Each aggregate's own port extends it with the queries its routes need.
 *
 * @param <K> the aggregate's key
 * @param <A> the aggregate
 */
public interface AggregateStore<K, A> {

    Optional<A> find(K key);

    /** Those of {@code keys} that exist, in one round trip where the store allows. */
    default Map<K, A> findAll(Collection<K> keys) {
        Map<K, A> found = new HashMap<>();
        keys.forEach(key -> find(key).ifPresent(aggregate -> found.put(key, aggregate)));
        return found;
    }

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(A aggregate);

    /**
     * Saves several, each as {@link #save} would, all or none. A store may send them together.
     *
     * @throws ConcurrentUpdateException if any of them changed since it was loaded
     */
    default void saveAll(List<A> aggregates) {
        aggregates.forEach(this::save);
    }
}
