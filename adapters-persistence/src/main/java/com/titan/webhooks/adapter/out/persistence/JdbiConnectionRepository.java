package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.ConnectionLink;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.LinkKeys;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.EmptyHandling;

/**
 * Persistence adapter: stores connections in PostgreSQL or SQLite through JDBI, their notes and
 * enrichments in tables of their own ({@link ConnectionMembers}).
 */
public final class JdbiConnectionRepository implements Connections {

    private static final String FIND = """
            SELECT id, version, state, status, email_norm, phone_norm, deleted, last_changed_at
            FROM connections WHERE id = :id
            """;
    private static final String FIND_ALL = """
            SELECT id, version, state, status, email_norm, phone_norm, deleted, last_changed_at
            FROM connections WHERE id IN (<ids>)
            """;
    private static final String LIST = """
            SELECT c.id, c.version, c.state, c.status, c.email_norm, c.phone_norm, c.deleted, c.last_changed_at
            FROM connections c""";
    // a tag filter walks the range of the tag's prefix in connection_tags_tag, in connection id order already
    private static final String LIST_TAGGED = LIST + """

            JOIN connection_tags t ON t.connection_id = c.id""";
    private static final RowMapper<ConnectionRow> ROW = (rs, ctx) -> new ConnectionRow(rs.getString("id"),
            rs.getLong("version"), rs.getString("state"), rs.getString("status"), rs.getString("email_norm"),
            rs.getString("phone_norm"), List.of(), rs.getBoolean("deleted"), rs.getLong("last_changed_at"));
    private static final String INSERT = """
            INSERT INTO connections (id, version, state, status, email_norm, phone_norm, deleted, last_changed_at, tags)
            VALUES (:id, 1, :state, :status, :emailNorm, :phoneNorm, :deleted, :lastChangedAt, '')
            ON CONFLICT (id) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE connections SET version = version + 1, state = :state, status = :status, email_norm = :emailNorm,
                   phone_norm = :phoneNorm, deleted = :deleted, last_changed_at = :lastChangedAt
            WHERE id = :id AND version = :version
            """;

    private static final String LINKED = """
            SELECT id, email_norm, phone_norm FROM connections WHERE email_norm IN (<emails>) OR phone_norm IN (<phones>)
            """;
    private static final String LOCK_POSTGRES = "SELECT id FROM connections WHERE id IN (<ids>) ORDER BY id FOR UPDATE";

    private final JdbiTransactions transactions;
    private final Dialect dialect;

    public JdbiConnectionRepository(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("id", id.value())
                .map(ROW)
                .findOne()
                .map(ConnectionRow::toDomain));
    }

    @Override
    public Map<ConnectionId, Connection> findAll(Collection<ConnectionId> ids) {
        List<String> keys = ids.stream().map(ConnectionId::value).toList();
        return transactions.withHandle(handle -> handle.createQuery(FIND_ALL).bindList("ids", keys).map(ROW).list())
                .stream().map(ConnectionRow::toDomain)
                .collect(Collectors.toMap(Connection::id, connection -> connection));
    }

    @Override
    public List<ConnectionLink> linkedTo(Set<String> emails, Set<String> phones) {
        return transactions.withHandle(handle -> handle.createQuery(LINKED)
                .bindList(EmptyHandling.NULL_KEYWORD, "emails", List.copyOf(emails))
                .bindList(EmptyHandling.NULL_KEYWORD, "phones", List.copyOf(phones))
                .map((rs, ctx) -> new ConnectionLink(new ConnectionId(rs.getString("id")),
                        Optional.ofNullable(rs.getString("email_norm")), Optional.ofNullable(rs.getString("phone_norm"))))
                .list());
    }

    @Override
    public void lock(Collection<ConnectionId> ids) {
        // SQLite has one writer at a time: a transaction that writes holds the whole store already
        if (ids.isEmpty() || dialect == Dialect.SQLITE) {
            return;
        }
        List<String> keys = ids.stream().map(ConnectionId::value).sorted().toList();
        transactions.withHandle(handle -> handle.createQuery(LOCK_POSTGRES).bindList("ids", keys).mapTo(String.class).list());
    }

    @Override
    public List<Note> storedNotes(ConnectionId id, Set<String> noteIds) {
        return transactions.withHandle(handle -> ConnectionMembers.storedNotes(handle, id.value(), noteIds));
    }

    @Override
    public Set<String> storedEnrichments(ConnectionId id, Set<String> eventKeys) {
        return transactions.withHandle(handle -> ConnectionMembers.storedEnrichments(handle, id.value(), eventKeys));
    }

    @Override
    public Page<Note> notes(ConnectionId id, PageRequest page) {
        return transactions.withHandle(handle -> ConnectionMembers.notes(handle, id.value(), page));
    }

    @Override
    public Page<Enrichment> enrichments(ConnectionId id, PageRequest page) {
        return transactions.withHandle(handle -> ConnectionMembers.enrichments(handle, id.value(), page));
    }

    @Override
    public Page<Connection> list(ConnectionFilter filter, PageRequest page) {
        ListQuery query = listQuery(filter, page);
        List<ConnectionRow> rows = transactions.withHandle(handle -> query.on(handle).map(ROW).list());
        return Keyset.page(rows, page.limit(), ConnectionRow::id, ConnectionRow::toDomain);
    }

    /** The query of one page: a condition for each filter given, and the keyset on the column that orders it. */
    static ListQuery listQuery(ConnectionFilter filter, PageRequest page) {
        String key = filter.tag().isPresent() ? "t.connection_id" : "c.id";
        ListQuery query = ListQuery.select(filter.tag().isPresent() ? LIST_TAGGED : LIST)
                .where(filter.tag(), "substr(t.tag, 1, 200) = substr(:tag, 1, 200) AND t.tag = :tag", "tag")
                .where(key + " > :after", "after", Keyset.after(page.after()))
                .where(filter.status(), "c.status = :status", "status")
                .where(filter.email().flatMap(LinkKeys::email), "c.email_norm = :email", "email")
                .where(filter.updatedSince().map(Instant::toEpochMilli), "c.changed_at >= :since", "since");
        if (filter.email().isPresent() && filter.email().flatMap(LinkKeys::email).isEmpty()) {
            // an email no row can have (blank, too long, control characters) matches nothing, never everything
            query.where("1 = 0");
        }
        if (!filter.includeDeleted()) {
            query.where("c.deleted = FALSE");
        }
        return query.then("ORDER BY " + key + "\nLIMIT :limit", page.limit() + 1);
    }

    @Override
    public void save(Connection connection) {
        saveAll(List.of(connection));
    }

    @Override
    public void saveAll(List<Connection> connections) {
        List<ConnectionRow> rows = connections.stream().map(ConnectionRow::from).toList();
        transactions.withHandle(handle -> {
            VersionedRows.saveAll(handle, INSERT, UPDATE, rows, ConnectionRow::version, (batch, row) -> batch
                    .bind("id", row.id()).bind("version", row.version()).bind("state", new JsonState(row.state()))
                    .bind("status", row.status()).bind("emailNorm", row.emailNorm()).bind("phoneNorm", row.phoneNorm())
                    .bind("deleted", row.deleted()).bind("lastChangedAt", row.lastChangedAt()),
                    row -> "connection " + row.id());
            ConnectionMembers.append(handle, connections);
            MemberRows.CONNECTION_TAGS.replace(handle, rows.stream()
                    .collect(Collectors.toMap(ConnectionRow::id, ConnectionRow::tags, (first, second) -> second)));
            return null;
        });
    }
}
