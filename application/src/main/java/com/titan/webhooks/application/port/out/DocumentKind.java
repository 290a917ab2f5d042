package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.DocumentAggregate;
import com.titan.webhooks.domain.event.StorableDocument;

/**
 * One kind of aggregate stored as a document: its name, the record class of its document (what a
 * store reads the stored document as) and how the aggregate is rebuilt from it. A document that
 * could not be read back once stored is refused here, at registration (see {@link StorableDocument}).
 *
 * @param <A> the aggregate
 * @param <D> its document
 */
public record DocumentKind<A extends DocumentAggregate<A, D>, D extends Record>(
        AggregateType type, Class<D> documentClass, Reconstitution<D, A> reconstitution) {

    public DocumentKind {
        Require.nonNull(type, "type");
        Require.nonNull(documentClass, "documentClass");
        Require.nonNull(reconstitution, "reconstitution");
        StorableDocument.require(documentClass);
    }

    /** The aggregate's reconstitution factory: its document as stored, at the stored version. */
    @FunctionalInterface
    public interface Reconstitution<D, A> {

        A of(D document, long version);
    }
}
