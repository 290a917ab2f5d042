package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.out.AggregateDocuments;
import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.domain.event.DocumentAggregate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persistence adapter: every aggregate stored as a document, in one table keyed by kind and id
 * ({@code aggregate_documents}). It remembers the kinds it handed stores out for, so that the
 * change feed of the same store reads their change records as their documents.
 */
public final class JdbiAggregateDocuments implements AggregateDocuments {

    private final JdbiTransactions transactions;
    private final Map<AggregateType, DocumentKind<?, ?>> kinds = new ConcurrentHashMap<>();

    public JdbiAggregateDocuments(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public <A extends DocumentAggregate<A, D>, D extends Record> AggregateStore<String, A> store(DocumentKind<A, D> kind) {
        DocumentKind<?, ?> known = kinds.putIfAbsent(kind.type(), kind);
        if (known != null && known.documentClass() != kind.documentClass()) {
            throw new IllegalArgumentException("the aggregate " + kind.type().wireName() + " is stored as "
                    + known.documentClass().getName() + " already, not as " + kind.documentClass().getName());
        }
        return new JdbiDocumentRepository<>(transactions, kind);
    }
}
