package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Outbound port: the connections, loaded and saved whole. */
public interface Connections extends AggregateStore<ConnectionId, Connection> {

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
