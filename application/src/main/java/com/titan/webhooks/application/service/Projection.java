package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.out.AggregateDocuments;
import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.event.DocumentAggregate;
import com.titan.webhooks.domain.event.ProviderEvent;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One kind of aggregate the worker projects events into, registered once: its name in the change
 * feed, the sealed family of events that change it, which aggregate an event names, the aggregate
 * before its first event, the rule that applies an event, where it is stored, and how a change
 * record shows it.
 *
 * @param type     the name its changes are reported and filtered under
 * @param family   the events it takes, usually a sealed interface
 * @param key      the key of the aggregate an event changes
 * @param id       a key as the aggregate's id in its route and its changes
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
        AggregateType type, Class<E> family, Function<E, K> key, Function<K, String> id, Function<K, A> unseen,
        BiConsumer<A, E> rule, AggregateStore<K, A> store, Optional<Function<A, AggregateSnapshot>> snapshot) {

    public Projection {
        Require.nonNull(type, "type");
        Require.nonNull(family, "family");
        Require.nonNull(key, "key");
        Require.nonNull(id, "id");
        Require.nonNull(unseen, "unseen");
        Require.nonNull(rule, "rule");
        Require.nonNull(store, "store");
        Require.nonNull(snapshot, "snapshot");
    }

    /** An aggregate with a store of its own, whose change records show its own state. */
    public static <K extends Comparable<? super K>, A extends Aggregate<A>, E extends ProviderEvent> Projection<K, A, E> of(
            AggregateType type, Class<E> family, Function<E, K> key, Function<K, String> id, Function<K, A> unseen,
            BiConsumer<A, E> rule, AggregateStore<K, A> store, Function<A, AggregateSnapshot> snapshot) {
        return new Projection<>(type, family, key, id, unseen, rule, store, Optional.of(snapshot));
    }

    /**
     * An aggregate stored as a document: keyed by its id, kept in {@code documents}, and shown in
     * its change records as its document. All it needs besides its events and its class.
     *
     * @param documentClass  the record {@link DocumentAggregate#document()} answers
     * @param reconstitution the aggregate's factory from a stored document and version
     */
    public static <A extends DocumentAggregate<A, D>, D extends Record, E extends ProviderEvent> Projection<String, A, E>
            document(AggregateDocuments documents, AggregateType type, Class<E> family, Function<E, String> key,
                     Function<String, A> unseen, BiConsumer<A, E> rule, Class<D> documentClass,
                     DocumentKind.Reconstitution<D, A> reconstitution) {
        AggregateStore<String, A> store = documents.store(new DocumentKind<>(type, documentClass, reconstitution));
        return of(type, family, key, Function.identity(), unseen, rule, store,
                aggregate -> new DocumentSnapshot(type, aggregate.id(), aggregate.document(), aggregate.isDeleted()));
    }

    /** Whether {@code event} belongs to this family. */
    boolean takes(Class<? extends ProviderEvent> event) {
        return family.isAssignableFrom(event);
    }

    /** The id of the aggregate {@code event} changes, as its route and its changes name it; the event is of the family. */
    String aggregateId(ProviderEvent event) {
        return id.apply(key.apply(family.cast(event)));
    }
}
