package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.domain.event.DocumentAggregate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Persistence adapter: the aggregates of one kind stored as documents, each a row of
 * {@code aggregate_documents} with its version, saved with the same optimistic check as the
 * aggregates of their own tables.
 *
 * @param <A> the aggregate
 * @param <D> its document
 */
final class JdbiDocumentRepository<A extends DocumentAggregate<A, D>, D extends Record>
        implements AggregateStore<String, A> {

    private static final String FIND =
            "SELECT id, version, state FROM aggregate_documents WHERE aggregate = :aggregate AND id = :id";
    private static final String FIND_ALL =
            "SELECT id, version, state FROM aggregate_documents WHERE aggregate = :aggregate AND id IN (<ids>)";
    private static final String INSERT = """
            INSERT INTO aggregate_documents (aggregate, id, version, state) VALUES (:aggregate, :id, 1, :state)
            ON CONFLICT (aggregate, id) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE aggregate_documents SET version = version + 1, state = :state
            WHERE aggregate = :aggregate AND id = :id AND version = :version
            """;

    private final JdbiTransactions transactions;
    private final DocumentKind<A, D> kind;

    JdbiDocumentRepository(JdbiTransactions transactions, DocumentKind<A, D> kind) {
        this.transactions = transactions;
        this.kind = kind;
    }

    @Override
    public Optional<A> find(String id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("aggregate", kind.type().wireName())
                .bind("id", id).map(this::toDomain).findOne());
    }

    @Override
    public Map<String, A> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return transactions.withHandle(handle -> handle.createQuery(FIND_ALL).bind("aggregate", kind.type().wireName())
                .bindList("ids", List.copyOf(ids)).map(this::toDomain).list())
                .stream().collect(Collectors.toMap(DocumentAggregate::id, aggregate -> aggregate));
    }

    @Override
    public void save(A aggregate) {
        saveAll(List.of(aggregate));
    }

    @Override
    public void saveAll(List<A> aggregates) {
        List<Row> rows = aggregates.stream()
                .map(aggregate -> new Row(aggregate.id(), aggregate.version(), DocumentJson.write(aggregate.document())))
                .toList();
        transactions.withHandle(handle -> {
            VersionedRows.saveAll(handle, INSERT, UPDATE, rows, Row::version, (batch, row) -> batch
                    .bind("aggregate", kind.type().wireName()).bind("id", row.id()).bind("version", row.version())
                    .bind("state", new JsonState(row.state())), row -> kind.type().wireName() + " " + row.id());
            return null;
        });
    }

    /** One row of {@code FIND} or {@code FIND_ALL}, rebuilt into its aggregate. */
    private A toDomain(ResultSet row, StatementContext context) throws SQLException {
        String id = row.getString("id");
        String state = row.getString("state");
        long version = row.getLong("version");
        return StateJson.reconstitute(kind.type().wireName(), id,
                () -> kind.reconstitution().of(DocumentJson.read(state, kind.documentClass()), version));
    }

    /** One aggregate as its row holds it. */
    private record Row(String id, long version, String state) {
    }
}
