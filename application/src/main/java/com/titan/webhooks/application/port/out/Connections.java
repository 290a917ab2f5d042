package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import java.util.Optional;

/** Outbound port: the connections, loaded and saved whole. */
public interface Connections {

    Optional<Connection> find(ConnectionId id);

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Connection aggregate);

    /** Connections in id order, from the page's cursor on. */
    Page<Connection> list(ConnectionFilter filter, PageRequest page);
}
