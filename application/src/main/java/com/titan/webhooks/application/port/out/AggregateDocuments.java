package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.event.DocumentAggregate;

/**
 * Outbound port: where aggregates stored as documents are kept, every kind in one place, each
 * aggregate keyed by its kind and id and saved whole, with the same optimistic versions as the
 * aggregates of their own tables. A kind is registered by asking for its store; the store then
 * also reads that kind's change records.
 */
public interface AggregateDocuments {

    /**
     * The store of {@code kind}'s aggregates.
     *
     * @throws IllegalArgumentException if another kind of the same name, with another document, was registered
     */
    <A extends DocumentAggregate<A, D>, D extends Record> AggregateStore<String, A> store(DocumentKind<A, D> kind);
}
