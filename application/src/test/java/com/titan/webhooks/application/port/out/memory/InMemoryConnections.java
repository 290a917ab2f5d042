package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.ConnectionLink;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.LinkKeys;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connections in memory. */
final class InMemoryConnections implements Connections {

    private final VersionedAggregates<Connection> stored;
    private final IssuedCursors cursors;
    private final InMemoryStore store;

    InMemoryConnections(InMemoryStore store, IssuedCursors cursors) {
        this.stored = new VersionedAggregates<>(store, "connection", state -> state.connections,
                connection -> connection.id().value(), Connection::version, Connection::copy,
                (c, version) -> Connection.reconstitute(c.id(), c.fields(), c.stampedTags().orElse(null),
                        c.annotatedAt().orElse(null), c.lifecycle(), version));
        this.store = store;
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
        saveAll(List.of(aggregate));
    }

    @Override
    public void saveAll(List<Connection> aggregates) {
        store.update(state -> {
            stored.saveAll(aggregates);
            for (Connection connection : aggregates) {
                String id = connection.id().value();
                connection.addedNotes().forEach(note -> state.notes.merge(StoreState.memberKey(id, note.id()), note,
                        Note::kept));
                connection.addedEnrichments().forEach(enrichment -> state.enrichments.putIfAbsent(
                        StoreState.memberKey(id, enrichment.eventKey()), enrichment));
            }
        });
    }

    @Override
    public List<Note> storedNotes(ConnectionId id, Set<String> noteIds) {
        return store.read(state -> noteIds.stream().map(note -> state.notes.get(StoreState.memberKey(id.value(), note)))
                .filter(Objects::nonNull).toList());
    }

    @Override
    public Set<String> storedEnrichments(ConnectionId id, Set<String> eventKeys) {
        return store.read(state -> eventKeys.stream()
                .filter(key -> state.enrichments.containsKey(StoreState.memberKey(id.value(), key)))
                .collect(Collectors.toSet()));
    }

    @Override
    public Page<Note> notes(ConnectionId id, PageRequest page) {
        return store.read(state -> cursors.page(members(state.notes, id, note -> sortKey(note.addedAt(), note.id())),
                String.class, page, note -> true, note -> note));
    }

    @Override
    public Page<Enrichment> enrichments(ConnectionId id, PageRequest page) {
        return store.read(state -> cursors.page(members(state.enrichments, id,
                        enrichment -> sortKey(enrichment.completedAt(), enrichment.eventKey())),
                String.class, page, enrichment -> true, enrichment -> enrichment));
    }

    /** One connection's members, in the order its route pages them. */
    private static <M> TreeMap<String, M> members(TreeMap<String, M> all, ConnectionId id, Function<M, String> order) {
        String prefix = StoreState.memberKey(id.value(), "");
        TreeMap<String, M> members = new TreeMap<>();
        all.tailMap(prefix, true).entrySet().stream().takeWhile(entry -> entry.getKey().startsWith(prefix))
                .forEach(entry -> members.put(order.apply(entry.getValue()), entry.getValue()));
        return members;
    }

    private static String sortKey(Instant at, String id) {
        return String.format("%020d%09d", at.getEpochSecond(), at.getNano()) + id;
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
