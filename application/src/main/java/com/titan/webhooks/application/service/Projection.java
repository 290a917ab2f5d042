package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.event.ProviderEvent;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One kind of aggregate the worker projects events into, registered once: the sealed family of
 * events that change it, which aggregate an event names, the aggregate before its first event,
 * the rule that applies an event, where it is stored, and how a change record shows it.
 *
 * @param family   the events it takes, usually a sealed interface
 * @param key      the key of the aggregate an event changes
 * @param unseen   the aggregate nothing is known of yet
 * @param rule     the aggregate's {@code apply}
 * @param store    where it is loaded from and saved to
 * @param snapshot its state in a change record; empty for the connection, whose change records are
 *                 its route's served state, told by {@code ConnectionStates} with what points at it
 * @param <K>      the key, whose natural order is the order of the saves
 * @param <A>      the aggregate
 * @param <E>      the event family
 */
public record Projection<K extends Comparable<? super K>, A extends Aggregate<A>, E extends ProviderEvent>(
        Class<E> family, Function<E, K> key, Function<K, A> unseen, BiConsumer<A, E> rule, AggregateStore<K, A> store,
        Optional<Function<A, AggregateSnapshot>> snapshot) {

    public Projection {
        Require.nonNull(family, "family");
        Require.nonNull(key, "key");
        Require.nonNull(unseen, "unseen");
        Require.nonNull(rule, "rule");
        Require.nonNull(store, "store");
        Require.nonNull(snapshot, "snapshot");
    }

    /** An aggregate whose change records show its own state. */
    public static <K extends Comparable<? super K>, A extends Aggregate<A>, E extends ProviderEvent> Projection<K, A, E> of(
            Class<E> family, Function<E, K> key, Function<K, A> unseen, BiConsumer<A, E> rule, AggregateStore<K, A> store,
            Function<A, AggregateSnapshot> snapshot) {
        return new Projection<>(family, key, unseen, rule, store, Optional.of(snapshot));
    }

    /** Whether {@code event} belongs to this family. */
    boolean takes(Class<? extends ProviderEvent> event) {
        return family.isAssignableFrom(event);
    }
}
