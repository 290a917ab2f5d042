package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.ConnectionLink;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The connections of a real (in-memory) store, whose saves of one connection the test can make
 * fail as a store would: refused for a concurrent update, or failing outright. Everything else
 * goes to the store.
 */
final class RefusingConnections implements Connections {

    private final Connections store;
    private volatile ConnectionId refused;
    private volatile Supplier<RuntimeException> failure;
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();

    RefusingConnections(Connections store) {
        this.store = store;
    }

    /** The next {@code times} saves that include {@code id} fail with {@code failure}. */
    void refuse(String id, int times, Supplier<RuntimeException> failure) {
        this.refused = new ConnectionId(id);
        this.failure = failure;
        refusalsLeft.set(times);
    }

    /** How many saves were refused so far. */
    int refusals() {
        return refusals.get();
    }

    @Override
    public void save(Connection aggregate) {
        saveAll(List.of(aggregate));
    }

    @Override
    public void saveAll(List<Connection> aggregates) {
        if (aggregates.stream().anyMatch(c -> c.id().equals(refused)) && refusalsLeft.getAndDecrement() > 0) {
            refusals.incrementAndGet();
            throw failure.get();
        }
        store.saveAll(aggregates);
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return store.find(id);
    }

    @Override
    public Map<ConnectionId, Connection> findAll(Collection<ConnectionId> ids) {
        return store.findAll(ids);
    }

    @Override
    public List<ConnectionLink> linkedTo(Set<String> emails, Set<String> phones) {
        return store.linkedTo(emails, phones);
    }

    @Override
    public void lock(Collection<ConnectionId> ids) {
        store.lock(ids);
    }

    @Override
    public List<Note> storedNotes(ConnectionId id, Set<String> noteIds) {
        return store.storedNotes(id, noteIds);
    }

    @Override
    public Set<String> storedEnrichments(ConnectionId id, Set<String> eventKeys) {
        return store.storedEnrichments(id, eventKeys);
    }

    @Override
    public Page<Note> notes(ConnectionId id, PageRequest page) {
        return store.notes(id, page);
    }

    @Override
    public Page<Enrichment> enrichments(ConnectionId id, PageRequest page) {
        return store.enrichments(id, page);
    }

    @Override
    public Page<Connection> list(ConnectionFilter filter, PageRequest page) {
        return store.list(filter, page);
    }
}
