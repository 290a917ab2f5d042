package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.ConnectionLink;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.LinkKeys;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The connections in memory. */
final class InMemoryConnections implements Connections {

    private final VersionedAggregates<Connection> stored;
    private final IssuedCursors cursors;

    InMemoryConnections(InMemoryStore store, IssuedCursors cursors) {
        this.stored = new VersionedAggregates<>(store, "connection", state -> state.connections,
                connection -> connection.id().value(), Connection::version, Connection::copy,
                (c, version) -> Connection.reconstitute(c.id(), c.fields(), c.stampedTags().orElse(null), c.notes(),
                        c.enrichments(), c.lifecycle(), version));
        this.cursors = cursors;
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return stored.find(id.value());
    }

    @Override
    public Map<ConnectionId, Connection> findAll(Collection<ConnectionId> ids) {
        return stored.findAll(ids.stream().map(ConnectionId::value).toList()).values().stream()
                .collect(Collectors.toMap(Connection::id, connection -> connection));
    }

    @Override
    public void save(Connection aggregate) {
        stored.saveAll(List.of(aggregate));
    }

    @Override
    public void saveAll(List<Connection> aggregates) {
        stored.saveAll(aggregates);
    }

    @Override
    public List<ConnectionLink> linkedTo(Set<String> emails, Set<String> phones) {
        return stored.storedWhere(c -> email(c).filter(emails::contains).isPresent()
                        || phone(c).filter(phones::contains).isPresent())
                .stream().map(c -> new ConnectionLink(c.id(), email(c), phone(c))).toList();
    }

    /** One writer holds the whole store for its unit of work already. */
    @Override
    public void lock(Collection<ConnectionId> ids) {
    }

    @Override
    public Page<Connection> list(ConnectionFilter filter, PageRequest page) {
        // an email no row can have matches nothing, as in the SQL stores
        Optional<String> email = filter.email().flatMap(LinkKeys::email);
        if (filter.email().isPresent() && email.isEmpty()) {
            return stored.list(cursors, page, row -> false);
        }
        return stored.list(cursors, page, row -> {
            Connection c = row.aggregate();
            return filter.status().map(status -> c.field(ConnectionField.STATUS).equals(Optional.of(status))).orElse(true)
                    && filter.tag().map(tag -> c.tags().contains(tag)).orElse(true)
                    && email.map(wanted -> email(c).equals(Optional.of(wanted))).orElse(true)
                    && UpdatedSince.matches(row, filter.updatedSince())
                    && (filter.includeDeleted() || !c.isDeleted());
        });
    }

    private static Optional<String> email(Connection connection) {
        return connection.field(ConnectionField.EMAIL).flatMap(LinkKeys::email);
    }

    private static Optional<String> phone(Connection connection) {
        return connection.field(ConnectionField.PHONE).flatMap(LinkKeys::phone);
    }
}
