package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.AggregateDocuments;
import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.domain.event.DocumentAggregate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The aggregates stored as documents, in memory: each kept as its document and version, and
 * rebuilt from them when loaded, as the SQL stores rebuild it from their JSON.
 */
final class InMemoryAggregateDocuments implements AggregateDocuments {

    private final VersionedAggregates<Row> rows;
    private final Map<String, Class<?>> kinds = new ConcurrentHashMap<>();

    InMemoryAggregateDocuments(InMemoryStore store) {
        this.rows = new VersionedAggregates<>(store, "document", state -> state.documents, Row::key, Row::version,
                row -> row, (row, version) -> new Row(row.key(), row.document(), version));
    }

    @Override
    public <A extends DocumentAggregate<A, D>, D extends Record> AggregateStore<String, A> store(DocumentKind<A, D> kind) {
        Class<?> known = kinds.putIfAbsent(kind.type().wireName(), kind.documentClass());
        if (known != null && known != kind.documentClass()) {
            throw new IllegalArgumentException("the aggregate " + kind.type().wireName() + " is stored as "
                    + known.getName() + " already, not as " + kind.documentClass().getName());
        }
        return new AggregateStore<>() {
            @Override
            public Optional<A> find(String id) {
                return rows.find(key(id)).map(this::rebuilt);
            }

            @Override
            public Map<String, A> findAll(Collection<String> ids) {
                return rows.findAll(ids.stream().map(this::key).toList()).values().stream().map(this::rebuilt)
                        .collect(Collectors.toMap(DocumentAggregate::id, aggregate -> aggregate));
            }

            @Override
            public void save(A aggregate) {
                saveAll(List.of(aggregate));
            }

            @Override
            public void saveAll(List<A> aggregates) {
                rows.saveAll(aggregates.stream()
                        .map(aggregate -> new Row(key(aggregate.id()), aggregate.document(), aggregate.version())).toList());
            }

            private String key(String id) {
                return StoreState.memberKey(kind.type().wireName(), id);
            }

            private A rebuilt(Row row) {
                return kind.reconstitution().of(kind.documentClass().cast(row.document()), row.version());
            }
        };
    }

    /** One aggregate as stored: its kind and id, its document (a record, never changed in place) and version. */
    record Row(String key, Record document, long version) {
    }
}
