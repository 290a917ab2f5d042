package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Outbound port: the connections, loaded and saved whole. */
public interface Connections {

    Optional<Connection> find(ConnectionId id);

    /** Those of {@code ids} that exist, in one round trip where the store allows. */
    default Map<ConnectionId, Connection> findAll(Collection<ConnectionId> ids) {
        Map<ConnectionId, Connection> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(aggregate -> found.put(id, aggregate)));
        return found;
    }

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Connection aggregate);

    /**
     * Saves several, each as {@link #save} would, all or none. A store may send them together.
     *
     * @throws ConcurrentUpdateException if any of them changed since it was loaded
     */
    default void saveAll(List<Connection> aggregates) {
        aggregates.forEach(this::save);
    }

    /**
     * The links of the connections whose email is one of {@code emails} or whose phone digits are
     * one of {@code phones} (normalised as {@code LinkKeys} does), in one round trip, without
     * loading the connections themselves.
     */
    List<ConnectionLink> linkedTo(Set<String> emails, Set<String> phones);

    /**
     * Inside a transaction, waits for and holds the row locks of these connections until it ends
     * (where the store has row locks; a store with one writer needs none).
     */
    void lock(Collection<ConnectionId> ids);

    /** Connections in id order, from the page's cursor on. */
    Page<Connection> list(ConnectionFilter filter, PageRequest page);
}
